/**
 * The waiting room of a registration opening: visitors queue in arrival order, are admitted at the organizer's
 * rate and carry a short-lived signed pass to the registration form and API.
 */
@ApplicationModule(displayName = "Waiting room")
@NullMarked
package dev.confer.waitingroom;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
