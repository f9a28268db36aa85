package dev.confer.web.site;

import dev.confer.registration.NewTeam;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The "other members" box of the team form: one person per line, {@code name, e-mail[, job title]}, typed or
 * pasted from a spreadsheet (tabs), with semicolons or commas between the columns. Blank lines are skipped; a
 * line that is only {@code Kim Minjun <minjun@example.com>} is read too. Every non-blank line becomes a member,
 * even a broken one, so the team's own validation names its problems with the line it came from.
 */
record PastedMembers(List<NewTeam.Member> members, List<Integer> lines) {

    static PastedMembers parse(@Nullable String text) {
        List<NewTeam.Member> members = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        if (text == null) {
            return new PastedMembers(members, lines);
        }
        String[] rows = text.split("\\R", -1);
        for (int i = 0; i < rows.length; i++) {
            if (!rows[i].isBlank()) {
                members.add(member(rows[i]));
                lines.add(i + 1);
            }
        }
        return new PastedMembers(List.copyOf(members), List.copyOf(lines));
    }

    /** The 1-based line of the {@code n}-th pasted member (0-based). */
    int line(int n) {
        return lines.get(n);
    }

    private static NewTeam.Member member(String row) {
        String separator = row.contains("\t") ? "\t" : row.contains(";") ? ";" : ",";
        List<String> columns = Arrays.stream(row.split(separator, -1)).map(String::strip).toList();
        if (columns.size() == 1) {
            return nameAndAddress(columns.getFirst());
        }
        String name = columns.get(0);
        String email = columns.get(1);
        if (name.contains("@") && !email.contains("@")) { // "e-mail, name" as some spreadsheets have it
            String swap = name;
            name = email;
            email = swap;
        }
        String jobTitle = columns.size() > 2 ? columns.get(2) : null;
        return new NewTeam.Member(emptyToNull(name), emptyToNull(email), emptyToNull(jobTitle));
    }

    /** One column: {@code Kim Minjun minjun@example.com}, {@code Kim Minjun <minjun@example.com>}, or only one of them. */
    private static NewTeam.Member nameAndAddress(String column) {
        String[] words = column.split("\\s+");
        for (int i = words.length - 1; i >= 0; i--) {
            if (words[i].contains("@")) {
                String email = words[i].replaceAll("^[<(\\[]+|[>)\\]]+$", "");
                List<String> rest = new ArrayList<>(Arrays.asList(words));
                rest.remove(i);
                return new NewTeam.Member(emptyToNull(String.join(" ", rest)), email, null);
            }
        }
        return new NewTeam.Member(column, null, null);
    }

    private static @Nullable String emptyToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
