/**
 * The batch a floor device (desk, door, booth) sends when the network returns: its queued check-ins and taps,
 * each settled in scan-time order and answered as its own endpoint would answer it, each counted once.
 */
@ApplicationModule(displayName = "Floor sync")
@NullMarked
package dev.confer.floor;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
