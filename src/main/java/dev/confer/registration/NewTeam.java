package dev.confer.registration;

import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * A team as its lead sends it: the first member is the lead (the person registering), {@code company} applies
 * to every member and {@code locale} is everybody's mail language. With {@code joinWaitlist} a team that does
 * not fit into the places left joins the waitlist as a whole instead of being refused.
 */
public record NewTeam(@Nullable String name, @Nullable String locale, @Nullable String company,
                      @Nullable Boolean joinWaitlist, @Nullable List<NewTeam.@Nullable Member> members) {

    public boolean wantsWaitlist() {
        return Boolean.TRUE.equals(joinWaitlist);
    }

    /** One member as the lead typed or pasted them. */
    public record Member(@Nullable String name, @Nullable String email, @Nullable String jobTitle) {
    }
}
