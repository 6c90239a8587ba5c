package cn.gov.lvliang.ledger.query.audit;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Indexes an enum of event kinds by event type, checking that every permitted type of the sealed event interface has
 * its constant. The kind enums ({@link BundleEventKind}, {@link RiskClueEventKind}, {@link DisposalEventKind}) call it
 * while loading, so a fold can {@code switch} over a kind without a {@code default}: the compiler wants a branch for
 * every constant, and this check wants a constant for every event type.
 */
final class EventKinds {

    private EventKinds() {
    }

    static <K extends Enum<K>> Map<Class<?>, K> byType(Class<?> sealedEvents, K[] kinds, Function<K, Class<?>> type) {
        Map<Class<?>, K> byType = new HashMap<>();
        for (K kind : kinds) {
            byType.put(type.apply(kind), kind);
        }
        List<String> missing = Arrays.stream(sealedEvents.getPermittedSubclasses())
                .filter(permitted -> !byType.containsKey(permitted))
                .map(Class::getSimpleName)
                .toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException(kinds.getClass().getComponentType().getSimpleName()
                    + " has no constant for " + missing);
        }
        return Map.copyOf(byType);
    }
}
