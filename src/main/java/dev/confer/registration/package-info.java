/** Registrations, capacity and the FIFO waitlist, cancellation and promotion. */
@ApplicationModule(displayName = "Registration")
@NullMarked
package dev.confer.registration;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
