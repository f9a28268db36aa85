package dev.confer.waitingroom;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The waiting room's settings ({@code confer.waiting-room.*}).
 *
 * @param passTtl    how long an admitted visitor's pass lets them register, from the admission
 * @param lead       how long before registration opens the room starts queueing arrivals
 * @param calm       how long after the opening the room stays on whatever the arrivals
 * @param busyFor    how long the room stays on after it last had someone waiting or arrivals beat the rate
 * @param stale      a waiting visitor not heard from for this long has left: admission passes them over
 * @param pollEvery  how often the waiting page asks for its position
 * @param returnGrace a visitor passed over who asks again within this long of their last question keeps their place
 *                   (admitted first, at the rate); later, they start again at the back
 */
@ConfigurationProperties("confer.waiting-room")
record WaitingRoomSettings(@DefaultValue("10m") Duration passTtl, @DefaultValue("10m") Duration lead,
                           @DefaultValue("15m") Duration calm, @DefaultValue("2m") Duration busyFor,
                           @DefaultValue("45s") Duration stale, @DefaultValue("3s") Duration pollEvery,
                           @DefaultValue("2m") Duration returnGrace) {
}
