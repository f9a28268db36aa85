/** The demo summit loaded into an empty database, and the banner that tells whoever started Confer where to go. */
@ApplicationModule(displayName = "Demo")
@NullMarked
package dev.confer.demo;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
