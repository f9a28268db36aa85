/** Signed QR tickets (Ed25519, one key per event) and manage tokens; verification works offline too. */
@ApplicationModule(displayName = "Tickets")
@NullMarked
package dev.confer.tickets;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
