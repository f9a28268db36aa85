/**
 * The ops room: metrics in Prometheus' format (golden signals, saturation, domain counters fed by other modules'
 * events), floor signals per minute of event time, learned bands and the alerts they raise.
 */
@ApplicationModule(displayName = "Ops room")
@NullMarked
package dev.confer.ops;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
