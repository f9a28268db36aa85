package dev.confer.registration;

import dev.confer.shared.Language;
import dev.confer.shared.Rejection;
import dev.confer.shared.Rejection.FieldProblem;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Checks a team before anything is stored and reports every problem at once, each with its JSON pointer. */
final class TeamValidation {

    static final int MAX_MEMBERS = 50;
    static final int MAX_TEAM_NAME = 100;
    private static final int MAX_FIELD = 200;

    private TeamValidation() {
    }

    /** The mail language of the team, or a 400 naming every problem. */
    static Language validate(NewTeam input, Language defaultLanguage) {
        List<FieldProblem> problems = new ArrayList<>();
        if (blank(input.name())) {
            problems.add(new FieldProblem("/name", "teams.name-required"));
        } else if (input.name().strip().length() > MAX_TEAM_NAME) {
            problems.add(new FieldProblem("/name", "registration.too-long", MAX_TEAM_NAME));
        }
        Language language = blank(input.locale()) ? defaultLanguage : Language.parse(input.locale()).orElse(null);
        if (language == null) {
            problems.add(new FieldProblem("/locale", "registration.locale", input.locale().strip()));
        }
        if (input.company() != null && input.company().strip().length() > MAX_FIELD) {
            problems.add(new FieldProblem("/company", "registration.too-long", MAX_FIELD));
        }
        List<NewTeam.@Nullable Member> members = input.members() == null ? List.of() : input.members();
        if (members.isEmpty()) {
            problems.add(new FieldProblem("/members", "teams.members-required"));
        } else if (members.size() > MAX_MEMBERS) {
            problems.add(new FieldProblem("/members", "teams.too-many-members", MAX_MEMBERS, members.size()));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < members.size(); i++) {
            NewTeam.Member member = members.get(i);
            String at = "/members/" + i;
            if (member == null) {
                problems.add(new FieldProblem(at, "teams.member-missing"));
                continue;
            }
            if (blank(member.name())) {
                problems.add(new FieldProblem(at + "/name", "teams.member-name-required"));
            } else if (member.name().strip().length() > MAX_FIELD) {
                problems.add(new FieldProblem(at + "/name", "registration.too-long", MAX_FIELD));
            }
            if (blank(member.email())) {
                problems.add(new FieldProblem(at + "/email", "teams.member-email-required"));
            } else if (member.email().strip().length() > 254 || !Registrations.EMAIL.matcher(member.email().strip()).matches()) {
                problems.add(new FieldProblem(at + "/email", "registration.email-invalid", member.email().strip()));
            } else if (!seen.add(key(member.email()))) {
                problems.add(new FieldProblem(at + "/email", "teams.email-twice", member.email().strip()));
            }
            if (member.jobTitle() != null && member.jobTitle().strip().length() > MAX_FIELD) {
                problems.add(new FieldProblem(at + "/jobTitle", "registration.too-long", MAX_FIELD));
            }
        }
        if (!problems.isEmpty()) {
            throw new Rejection(400, problems.size() == 1 ? problems.getFirst().messageKey() : "teams.invalid",
                    problems, problems.size() == 1 ? problems.getFirst().args() : new Object[]{problems.size()});
        }
        return java.util.Objects.requireNonNull(language);
    }

    /** How the database tells e-mail addresses apart (the unique index is on lower(email)). */
    static String key(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    private static boolean blank(@Nullable String s) {
        return s == null || s.isBlank();
    }
}
