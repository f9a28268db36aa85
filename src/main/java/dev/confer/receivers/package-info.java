/**
 * Interpretation receivers: the desk lends one against a badge or ticket and takes it back; one open loan per attendee,
 * never more out than the event's stock; the organizer sees what is out and what was not back at a day's end.
 */
@ApplicationModule(displayName = "Receivers")
@NullMarked
package dev.confer.receivers;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
