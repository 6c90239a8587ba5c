package cn.gov.lvliang.ledger.query.rebuild;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The rebuild's hold on every segment of a paused processor. Holding the claims keeps other query nodes from taking
 * the segments and writing the live tables while the rebuild compares and switches; the switch checks in its own
 * transaction that it still holds them.
 */
final class Claims {

    private static final Logger LOG = LoggerFactory.getLogger(Claims.class);

    private final TokenStore tokenStore;
    private final String processor;
    private final TransactionTemplate transactions;
    private final Map<Segment, TrackingToken> tokens;

    private Claims(TokenStore tokenStore, String processor, TransactionTemplate transactions,
                   Map<Segment, TrackingToken> tokens) {
        this.tokenStore = tokenStore;
        this.processor = processor;
        this.transactions = transactions;
        this.tokens = tokens;
    }

    /** Claims every segment of the processor, with its token; fails if another node holds one. */
    static Claims take(TokenStore tokenStore, String processor, TransactionTemplate transactions) {
        return transactions.execute(status -> {
            int[] all = tokenStore.fetchSegments(processor);
            List<Segment> available = tokenStore.fetchAvailableSegments(processor);
            if (available.size() < all.length) {
                Set<Integer> free = available.stream().map(Segment::getSegmentId).collect(Collectors.toSet());
                throw new IllegalStateException("Segments " + Arrays.stream(all).filter(id -> !free.contains(id))
                        .boxed().toList() + " of " + processor + " are claimed by another query node; a rebuild "
                        + "switches only when this node can hold every segment (stop the others' processors)");
            }
            Map<Segment, TrackingToken> tokens = new LinkedHashMap<>();
            try {
                for (Segment segment : available) {
                    tokens.put(segment, tokenStore.fetchToken(processor, segment));
                }
            } catch (UnableToClaimTokenException e) {
                throw new IllegalStateException("Another query node took a segment of " + processor
                        + " while the rebuild claimed them", e);
            }
            return new Claims(tokenStore, processor, transactions, tokens);
        });
    }

    Map<Segment, TrackingToken> tokens() {
        return tokens;
    }

    /** Renews every claim, in the caller's transaction if there is one; fails if one was lost. */
    void extend() {
        transactions.executeWithoutResult(status -> tokens.keySet()
                .forEach(segment -> tokenStore.extendClaim(processor, segment.getSegmentId())));
    }

    void release() {
        for (Segment segment : tokens.keySet()) {
            try {
                transactions.executeWithoutResult(status ->
                        tokenStore.releaseClaim(processor, segment.getSegmentId()));
            } catch (RuntimeException e) {
                LOG.warn("Could not release segment {} of {}; it frees itself when the claim times out",
                        segment.getSegmentId(), processor, e);
            }
        }
    }
}
