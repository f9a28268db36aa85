package dev.confer.events;

import dev.confer.shared.Rejection.FieldProblem;

import java.util.List;

/**
 * Implemented by modules that hold state a new definition must respect (confirmed registrations,
 * issued vouchers, ...). Asked before an existing event is replaced; every problem is reported.
 */
public interface DefinitionGuard {

    List<FieldProblem> check(EventSchedule current, EventSchedule proposed);
}
