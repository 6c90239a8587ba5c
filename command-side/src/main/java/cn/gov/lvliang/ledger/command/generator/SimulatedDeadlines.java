package cn.gov.lvliang.ledger.command.generator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import org.axonframework.common.Registration;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.deadline.GenericDeadlineMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.ScopeDescriptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * The deadline manager of the generator's aggregate runs: it keeps what the aggregate schedules in business time, so
 * that the generator fires each deadline at its due moment between the case's later commands, as the command side's
 * scheduler would have fired it had the case run live, and hands over what is still due after now to the real
 * scheduler. Like Axon's db-scheduler deadline manager it creates the deadline message at scheduling (so it carries
 * the scheduling command's correlation data) and keeps it only once the scheduling command commits.
 */
final class SimulatedDeadlines implements DeadlineManager {

    /** One scheduled deadline: when it is due, in which scope, and its message. */
    record Scheduled(Instant fireAt, long order, String name, DeadlineMessage<?> message, ScopeDescriptor scope) {
    }

    private final PriorityQueue<Scheduled> pending = new PriorityQueue<>(
            Comparator.comparing(Scheduled::fireAt).thenComparingLong(Scheduled::order));
    private long scheduled;

    @Override
    public String schedule(Instant triggerDateTime, String deadlineName, Object messageOrPayload,
                           ScopeDescriptor deadlineScope) {
        DeadlineMessage<?> message = GenericDeadlineMessage.asDeadlineMessage(deadlineName, messageOrPayload,
                triggerDateTime);
        Scheduled deadline = new Scheduled(triggerDateTime, scheduled++, deadlineName, message, deadlineScope);
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().onPrepareCommit(unitOfWork -> pending.add(deadline));
        } else {
            pending.add(deadline);
        }
        return message.getIdentifier();
    }

    /** The deadlines due at or before {@code moment}, earliest first; they are no longer pending. */
    List<Scheduled> dueBy(Instant moment) {
        List<Scheduled> due = new ArrayList<>();
        while (!pending.isEmpty() && !pending.peek().fireAt().isAfter(moment)) {
            due.add(pending.poll());
        }
        return due;
    }

    /** Every deadline still pending, earliest first; none are pending afterwards. */
    List<Scheduled> takeRemaining() {
        List<Scheduled> remaining = new ArrayList<>(pending.size());
        while (!pending.isEmpty()) {
            remaining.add(pending.poll());
        }
        return remaining;
    }

    @Override
    public void cancelSchedule(String deadlineName, String scheduleId) {
        pending.removeIf(deadline -> deadline.name().equals(deadlineName)
                && deadline.message().getIdentifier().equals(scheduleId));
    }

    @Override
    public void cancelAll(String deadlineName) {
        pending.removeIf(deadline -> deadline.name().equals(deadlineName));
    }

    @Override
    public void cancelAllWithinScope(String deadlineName, ScopeDescriptor scope) {
        pending.removeIf(deadline -> deadline.name().equals(deadlineName) && deadline.scope().equals(scope));
    }

    /** The command side's deadline manager has no interceptors either. */
    @Override
    public Registration registerDispatchInterceptor(
            MessageDispatchInterceptor<? super DeadlineMessage<?>> dispatchInterceptor) {
        throw new UnsupportedOperationException("The generator's deadlines take no interceptors");
    }

    @Override
    public Registration registerHandlerInterceptor(
            MessageHandlerInterceptor<? super DeadlineMessage<?>> handlerInterceptor) {
        throw new UnsupportedOperationException("The generator's deadlines take no interceptors");
    }
}
