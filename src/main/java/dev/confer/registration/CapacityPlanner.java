package dev.confer.registration;

import dev.confer.events.DefinitionGuard;
import dev.confer.events.EventDefined;
import dev.confer.events.EventSchedule;
import dev.confer.shared.Rejection.FieldProblem;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/** Keeps capacity and waitlist in step with the event definition; refuses to shrink below what is taken. */
@Component
class CapacityPlanner implements DefinitionGuard {

    private final Capacity capacity;
    private final Registrations registrations;

    CapacityPlanner(Capacity capacity, Registrations registrations) {
        this.capacity = capacity;
        this.registrations = registrations;
    }

    @Override
    public List<FieldProblem> check(EventSchedule current, EventSchedule proposed) {
        List<FieldProblem> problems = new ArrayList<>();
        int confirmed = capacity.confirmed(current.id());
        if (proposed.capacity() < confirmed) {
            problems.add(new FieldProblem("/capacity", "registration.capacity-below-confirmed", proposed.capacity(), confirmed));
        }
        int waiting = capacity.waiting(current.id());
        if (proposed.waitlist() < waiting) {
            problems.add(new FieldProblem("/waitlist", "registration.waitlist-below-waiting", proposed.waitlist(), waiting));
        }
        return problems;
    }

    @EventListener
    void on(EventDefined defined) {
        EventSchedule event = defined.schedule();
        capacity.resize(event.id(), event.capacity(), event.waitlist());
        registrations.promoteWhilePlacesFree(event);
    }
}
