package cn.gov.lvliang.ledger.command.infra;

import cn.gov.lvliang.ledger.security.CurrentUser;
import cn.gov.lvliang.ledger.security.LedgerRole;
import cn.gov.lvliang.ledger.security.LedgerUser;
import org.springframework.stereotype.Component;

/**
 * Who acts in a command, taken from the signed-in user and never from what the client claims. A clerk or officer
 * acts for their own unit and within their own county; only the history-import account names the acting unit of
 * each step itself.
 */
@Component
public class Actors {

    /**
     * The unit acting in a step: the signed-in user's own. A request that names another unit is refused; the import
     * account must name one.
     */
    public String actingUnit(String requested) {
        LedgerUser user = CurrentUser.get().orElse(null);
        if (user == null || user.role() == LedgerRole.IMPORTER) {
            if (requested == null || requested.isBlank()) {
                throw new IllegalArgumentException("actingUnit: name the unit that took this step when importing");
            }
            return requested;
        }
        if (user.unit() == null) {
            throw new UnitNotAllowedException(user.userId(), "act for a unit", "the role " + user.role()
                    + " acts for no unit");
        }
        if (requested != null && !requested.isBlank() && !requested.equals(user.unit())) {
            throw new UnitNotAllowedException(requested, "be named by " + user.userId(),
                    user.userId() + " acts for unit " + user.unit() + " only");
        }
        return user.unit();
    }

    /** Refuses to open a case in a county outside the signed-in user's own. */
    public void requireCovers(String divisionCode) {
        CurrentUser.get().filter(user -> !user.covers(divisionCode)).ifPresent(user -> {
            throw new OutOfScopeException(user.userId() + " works for county " + user.division() + ", not "
                    + divisionCode);
        });
    }
}
