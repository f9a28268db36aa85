/** Security (tokens and roles), problem+json errors, the embedded database and other plumbing. */
@ApplicationModule(displayName = "Platform")
@NullMarked
package dev.confer.platform;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
