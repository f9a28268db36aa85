/**
 * The pages people use at the summit: the public event site, registration and My ticket, the desk, the
 * door, the sponsor's booth and the organizer's views, in Korean and English. Built on the other
 * modules' public APIs; nothing depends on it.
 */
@ApplicationModule(displayName = "Pages")
@NullMarked
package dev.confer.web;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
