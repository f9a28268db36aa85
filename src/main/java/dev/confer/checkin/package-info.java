/** Desk check-in per day, lunch vouchers, keynote seating, printed badges and NFC binding. */
@ApplicationModule(displayName = "Check-in")
@NullMarked
package dev.confer.checkin;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
