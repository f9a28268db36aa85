/** The event definition: days, rooms, tracks, sessions, booths and capacities; import and validation. */
@ApplicationModule(displayName = "Events")
@NullMarked
package dev.confer.events;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
