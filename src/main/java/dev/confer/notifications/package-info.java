/** Mail to attendees: a transactional outbox filled from registration events, delivered after commit in ko or en. */
@ApplicationModule(displayName = "Notifications")
@NullMarked
package dev.confer.notifications;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
