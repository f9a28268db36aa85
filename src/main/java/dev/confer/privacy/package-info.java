/**
 * Personal data done right: the staff access log, the attendee's data export and erasure, the organizer's
 * registrations export, and retention (everyone of an event anonymised a set number of days after its last day).
 */
@ApplicationModule(displayName = "Privacy")
@NullMarked
package dev.confer.privacy;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
