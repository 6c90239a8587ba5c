package cn.gov.lvliang.ledger.query.dashboard;

import cn.gov.lvliang.ledger.query.bundle.BundleCasePage;
import cn.gov.lvliang.ledger.query.bundle.BundleCaseView;
import cn.gov.lvliang.ledger.query.reference.DivisionView;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/**
 * The web UI's way to the read models' own {@code @QueryHandler}s, through the {@link QueryGateway}: the case detail,
 * the case list and the divisions, answered exactly as the REST API answers them.
 *
 * <p>The query records ({@code FindBundleCaseQuery}, {@code ListBundleCasesQuery}, {@code FindDivisionsQuery}) are
 * package-private to their features, so this class builds them from their component names with Jackson. A renamed
 * or missing component fails loudly (unknown properties are refused), never silently unfiltered. Once the features
 * make those records public (or move them to {@code shared-events}), replace {@link #message} with their
 * constructors.
 */
@Component
public class LedgerQueries {

    /** The most cases the list query answers in one page. */
    public static final int MAX_PAGE_SIZE = 200;

    private static final String FIND_CASE = "cn.gov.lvliang.ledger.query.bundle.FindBundleCaseQuery";
    private static final String LIST_CASES = "cn.gov.lvliang.ledger.query.bundle.ListBundleCasesQuery";
    private static final String FIND_DIVISIONS = "cn.gov.lvliang.ledger.query.reference.FindDivisionsQuery";

    private final QueryGateway queryGateway;
    private final ObjectMapper messages;

    LedgerQueries(QueryGateway queryGateway, ObjectMapper objectMapper) {
        this.queryGateway = queryGateway;
        this.messages = objectMapper.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** One case in full, as {@code GET /api/bundle-cases/{caseId}} shows it. */
    public Optional<BundleCaseView> findCase(String caseId) {
        return queryGateway.query(message(FIND_CASE, Map.of("caseId", caseId)),
                ResponseTypes.optionalInstanceOf(BundleCaseView.class)).join();
    }

    /** The county-level divisions in published order, as {@code GET /api/reference/divisions} lists them. */
    public List<DivisionView> divisions() {
        return queryGateway.query(message(FIND_DIVISIONS, Map.of()),
                ResponseTypes.multipleInstancesOf(DivisionView.class)).join();
    }

    /**
     * One page of the case list, as {@code GET /api/bundle-cases} answers it; only for filters the list query
     * {@linkplain CaseFilter#listQueryAnswers() answers}.
     */
    public BundleCasePage listCases(CaseFilter filter, Order order, int page, int size) {
        return listCases(filter, order, page, size, null);
    }

    /**
     * The first cases of a list whose length the caller counted already, in the same transaction (the dashboard's
     * summary counts the overdue cases and those at risk): the list query does not count them again.
     */
    public BundleCasePage firstCases(CaseFilter filter, Order order, int size, long total) {
        return listCases(filter, order, 0, size, total);
    }

    private BundleCasePage listCases(CaseFilter filter, Order order, int page, int size, Long knownTotal) {
        if (!filter.listQueryAnswers()) {
            throw new IllegalArgumentException("The case list query cannot answer " + filter);
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("divisionCode", filter.division());
        fields.put("bundleCode", filter.bundle());
        fields.put("leadUnit", filter.leadUnit());
        fields.put("statuses", filter.statuses().stream().map(Enum::name).sorted().toList());
        fields.put("channel", filter.channel() == null ? null : filter.channel().name());
        fields.put("overdue", filter.overdue());
        fields.put("atRisk", filter.atRisk());
        fields.put("from", filter.from() == null ? null : filter.from().toString());
        fields.put("to", filter.to() == null ? null : filter.to().toString());
        fields.put("sort", order.sort);
        fields.put("direction", order.direction);
        fields.put("page", page);
        fields.put("size", size);
        fields.put("knownTotal", knownTotal);
        return queryGateway.query(message(LIST_CASES, fields), ResponseTypes.instanceOf(BundleCasePage.class))
                .join();
    }

    /** The orders the dashboards list cases in, as the list query names them. */
    public enum Order {
        /** Newest first: the list's default. */
        NEWEST_FIRST("SUBMITTED_AT", "DESC"),
        /** The nearest due date first: for overdue and at-risk lists. */
        DUE_FIRST("DUE_DATE", "ASC");

        private final String sort;
        private final String direction;

        Order(String sort, String direction) {
            this.sort = sort;
            this.direction = direction;
        }
    }

    private Object message(String type, Map<String, ?> fields) {
        try {
            return messages.convertValue(fields, Class.forName(type));
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("The query " + type + " no longer exists", e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The query " + type + " no longer has the components " + fields.keySet(),
                    e);
        }
    }
}
