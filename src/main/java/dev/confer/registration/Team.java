package dev.confer.registration;

import dev.confer.shared.RegistrationId;

import java.util.List;

/**
 * A team and its members in the order they were given, the lead first. Every member is an ordinary
 * registration of their own: after the team registered, a member may cancel alone or be promoted from the
 * waitlist in queue order, so members can differ in status (cancelled ones are listed as CANCELLED).
 */
public record Team(TeamId id, long eventId, String name, RegistrationId leadId, List<TeamMember> members) {

    public Team {
        members = List.copyOf(members);
    }

    public TeamMember lead() {
        return members.stream().filter(m -> m.registrationId().equals(leadId)).findFirst().orElseThrow();
    }

    public boolean isLead(RegistrationId registrationId) {
        return leadId.equals(registrationId);
    }
}
