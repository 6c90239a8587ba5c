package cn.gov.lvliang.ledger.query.rebuild;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.springframework.aop.support.AopUtils;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.stereotype.Component;

/**
 * The query side's projections by processing group: which beans handle a group's events, the tables they write, and
 * whether every one of them can be rebuilt.
 */
@Component
class Projections {

    private final ApplicationContext context;
    private final EventProcessingConfiguration processing;
    private volatile Map<String, Projection> byName;

    Projections(ApplicationContext context, EventProcessingConfiguration processing) {
        this.context = context;
        this.processing = processing;
    }

    Optional<Projection> named(String name) {
        return Optional.ofNullable(all().get(name));
    }

    /** Every processing group with a bean or a processor, by name. */
    Map<String, Projection> all() {
        Map<String, Projection> known = byName;
        if (known == null) {
            known = discover();
            byName = known;
        }
        return known;
    }

    private Map<String, Projection> discover() {
        Map<String, List<Object>> beansByGroup = new TreeMap<>();
        context.getBeansWithAnnotation(ProcessingGroup.class).values().forEach(bean -> {
            ProcessingGroup group = AnnotationUtils.findAnnotation(AopUtils.getTargetClass(bean),
                    ProcessingGroup.class);
            if (group != null) {
                beansByGroup.computeIfAbsent(group.value(), name -> new ArrayList<>()).add(bean);
            }
        });
        processing.eventProcessors().keySet()
                .forEach(name -> beansByGroup.computeIfAbsent(name, key -> new ArrayList<>()));
        Map<String, Projection> projections = new TreeMap<>();
        beansByGroup.forEach((name, beans) -> {
            List<RebuildableProjection> parts = new ArrayList<>();
            List<String> others = new ArrayList<>();
            List<String> tables = new ArrayList<>();
            for (Object bean : beans) {
                if (bean instanceof RebuildableProjection part) {
                    parts.add(part);
                    part.tables().stream().filter(table -> !tables.contains(table)).forEach(tables::add);
                } else {
                    others.add(AopUtils.getTargetClass(bean).getSimpleName());
                }
            }
            projections.put(name, new Projection(name, List.copyOf(parts), List.copyOf(tables), List.copyOf(others)));
        });
        return projections;
    }

    /**
     * One processing group.
     *
     * @param name           the processing group, which is also the processor's name
     * @param parts          its beans that can be rebuilt
     * @param tables         the tables they write
     * @param notRebuildable the classes of its beans that cannot be rebuilt
     */
    record Projection(String name, List<RebuildableProjection> parts, List<String> tables,
                      List<String> notRebuildable) {

        boolean rebuildable() {
            return !parts.isEmpty() && notRebuildable.isEmpty();
        }
    }
}
