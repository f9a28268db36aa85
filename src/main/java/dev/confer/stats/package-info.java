/** Read-only figures for organizers, gathered from the other modules' public APIs; GET only. */
@ApplicationModule(displayName = "Stats")
@NullMarked
package dev.confer.stats;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
