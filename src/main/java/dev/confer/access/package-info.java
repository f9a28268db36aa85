/** Badge taps at session doors and sponsor booths: seats per session, re-entry, and the leads a booth takes home. */
@ApplicationModule(displayName = "Access")
@NullMarked
package dev.confer.access;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
