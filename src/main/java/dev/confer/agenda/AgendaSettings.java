package dev.confer.agenda;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The personal agenda's settings ({@code confer.agenda.*}).
 *
 * @param nudgeBefore how long before a session the attendees who asked for it get the e-mail about it
 * @param nudgeEvery  how often the job looks for sessions whose nudge is due
 */
@ConfigurationProperties("confer.agenda")
record AgendaSettings(@DefaultValue("15m") Duration nudgeBefore, @DefaultValue("1m") Duration nudgeEvery) {
}
