package dev.confer.checkin;

import dev.confer.events.DefinitionGuard;
import dev.confer.events.EventDefined;
import dev.confer.events.EventSchedule;
import dev.confer.shared.Rejection.FieldProblem;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Keeps each day's voucher and keynote stock in step with the event definition, and refuses a new
 * definition that would take back what the desks have already handed out.
 */
@Component
class StockPlanner implements DefinitionGuard {

    private final DayStock stock;

    StockPlanner(DayStock stock) {
        this.stock = stock;
    }

    @Override
    public List<FieldProblem> check(EventSchedule current, EventSchedule proposed) {
        List<FieldProblem> problems = new ArrayList<>();
        for (DayStock.Held held : stock.lockForRedefinition(current.id())) {
            // EventSchedule keeps days sorted by date, so this index matches the request when days are sent in order
            int index = indexOf(proposed, held);
            if (index < 0) {
                if (held.checkins() > 0) {
                    problems.add(new FieldProblem("/days", "checkin.day-has-checkins", held.day(), held.checkins()));
                }
                continue;
            }
            EventSchedule.Day day = proposed.days().get(index);
            String at = "/days/" + index;
            if (day.mealVouchers() < held.vouchersIssued()) {
                problems.add(new FieldProblem(at + "/mealVouchers", "checkin.vouchers-below-issued",
                        day.mealVouchers(), held.vouchersIssued(), held.day()));
            }
            if (held.seatsTaken() > 0) {
                if (day.keynote() == null) {
                    problems.add(new FieldProblem(at + "/keynote", "checkin.keynote-has-seats", held.day(), held.seatsTaken()));
                } else if (day.keynoteSeats() < held.seatsTaken()) {
                    problems.add(new FieldProblem(at + "/keynote/halls", "checkin.seats-below-taken",
                            day.keynoteSeats(), held.seatsTaken(), held.day()));
                } else if (!sameSeats(current.day(held.day()), day, held.seatsTaken())) {
                    problems.add(new FieldProblem(at + "/keynote/halls", "checkin.seats-moved", held.day(), held.seatsTaken()));
                }
            }
        }
        return problems;
    }

    @EventListener
    void on(EventDefined defined) {
        stock.match(defined.schedule());
    }

    private static int indexOf(EventSchedule proposed, DayStock.Held held) {
        for (int i = 0; i < proposed.days().size(); i++) {
            if (proposed.days().get(i).date().equals(held.day())) {
                return i;
            }
        }
        return -1;
    }

    /** Seats already handed out (printed on badges) must keep their hall and number. */
    private static boolean sameSeats(Optional<EventSchedule.Day> before, EventSchedule.Day after, int taken) {
        if (before.isEmpty() || before.get().keynote() == null || after.keynote() == null) {
            return false;
        }
        EventSchedule.Keynote was = Objects.requireNonNull(before.get().keynote());
        EventSchedule.Keynote now = after.keynote();
        for (int n = 1; n <= taken; n++) {
            if (!was.seat(n).equals(now.seat(n))) {
                return false;
            }
        }
        return true;
    }
}
