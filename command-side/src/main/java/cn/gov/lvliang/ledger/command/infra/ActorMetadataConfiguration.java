package cn.gov.lvliang.ledger.command.infra;

import cn.gov.lvliang.ledger.events.ActorMetadata;
import cn.gov.lvliang.ledger.security.CorrelationIdFilter;
import cn.gov.lvliang.ledger.security.CurrentUser;
import cn.gov.lvliang.ledger.security.LedgerUser;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * Records who really acted in every command and, through Axon's correlation data ({@link CorrelationConfiguration}),
 * in every event it causes: the
 * signed-in user's id, role, unit and county, the HTTP request's correlation id and the client's address. These
 * come from the server's own view of the request; nothing a client sends can set them. Commands the ledger sends
 * itself (publishing data sets, loading demo data) record a {@code system:} user.
 */
@Configuration(proxyBeanMethods = false)
class ActorMetadataConfiguration {

    static final String SYSTEM_USER = "system:ledger";

    @Autowired
    void recordActors(CommandBus commandBus) {
        commandBus.registerDispatchInterceptor((MessageDispatchInterceptor<CommandMessage<?>>) messages ->
                (index, message) -> message.andMetaData(actorOf(CurrentUser.get().orElse(null))));
    }

    private static Map<String, Object> actorOf(LedgerUser user) {
        Map<String, Object> actor = new HashMap<>();
        if (user == null) {
            actor.put(ActorMetadata.USER, SYSTEM_USER);
        } else {
            actor.put(ActorMetadata.USER, user.userId());
            actor.put(ActorMetadata.ROLE, user.role().name());
            if (user.unit() != null) {
                actor.put(ActorMetadata.UNIT, user.unit());
            }
            if (user.division() != null) {
                actor.put(ActorMetadata.DIVISION, user.division());
            }
        }
        CorrelationIdFilter.currentId().ifPresent(id -> actor.put(ActorMetadata.HTTP_CORRELATION_ID, id));
        CorrelationIdFilter.currentClientAddress().ifPresent(address -> actor.put(ActorMetadata.CLIENT_ADDRESS, address));
        return actor;
    }
}
