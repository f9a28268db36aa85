package dev.confer.registration;

import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * A team as its lead sends it: the first member is the lead (the person registering), {@code company} applies
 * to every member and {@code locale} is everybody's mail language. With {@code joinWaitlist} a team that does
 * not fit into the places left joins the waitlist as a whole instead of being refused. {@code consents} are the
 * lead's own; the members' processing rests on the lead's {@code membersInformed} until each member confirms their
 * own choices on My ticket, and nothing of a member is shared with sponsors before that.
 */
public record NewTeam(@Nullable String name, @Nullable String locale, @Nullable String company,
                      @Nullable Boolean joinWaitlist, @Nullable List<NewTeam.@Nullable Member> members,
                      @Nullable Consents consents, @Nullable Boolean membersInformed) {

    public NewTeam(@Nullable String name, @Nullable String locale, @Nullable String company,
                   @Nullable Boolean joinWaitlist, @Nullable List<NewTeam.@Nullable Member> members) {
        this(name, locale, company, joinWaitlist, members, null, null);
    }

    /** The lead's word that every member was shown the privacy notice (required where the event has one). */
    public boolean membersWereInformed() {
        return Boolean.TRUE.equals(membersInformed);
    }

    public boolean wantsWaitlist() {
        return Boolean.TRUE.equals(joinWaitlist);
    }

    /** One member as the lead typed or pasted them. */
    public record Member(@Nullable String name, @Nullable String email, @Nullable String jobTitle) {
    }
}
