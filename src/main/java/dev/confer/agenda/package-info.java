/** Each attendee's own agenda: starred sessions, clashes, the calendar feed and the next session to go to. */
@ApplicationModule(displayName = "Personal agenda")
@NullMarked
package dev.confer.agenda;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
