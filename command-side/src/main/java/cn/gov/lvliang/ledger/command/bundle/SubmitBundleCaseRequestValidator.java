package cn.gov.lvliang.ledger.command.bundle;

import cn.gov.lvliang.ledger.command.catalog.BundleCatalog;
import cn.gov.lvliang.ledger.command.reference.ReferenceData;
import cn.gov.lvliang.ledger.events.bundle.Channel;
import cn.gov.lvliang.ledger.events.reference.ServiceHall;
import java.util.Objects;
import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Checks a submission against the catalog and the reference data: the bundle exists, and the division, hall and
 * window exist and belong together. Runs beside the bean-validation annotations, so all field errors come back in
 * one answer.
 */
@Component
class SubmitBundleCaseRequestValidator implements Validator {

    private final BundleCatalog catalog;
    private final ReferenceData referenceData;

    SubmitBundleCaseRequestValidator(BundleCatalog catalog, ReferenceData referenceData) {
        this.catalog = catalog;
        this.referenceData = referenceData;
    }

    @Override
    public boolean supports(Class<?> type) {
        return SubmitBundleCaseRequest.class.equals(type);
    }

    @Override
    public void validate(Object target, Errors errors) {
        SubmitBundleCaseRequest request = (SubmitBundleCaseRequest) target;
        if (request.bundleCode() != null && !catalog.contains(request.bundleCode())) {
            errors.rejectValue("bundleCode", "unknown",
                    "no bundle " + request.bundleCode() + " in catalog version " + catalog.version());
        }
        if (request.divisionCode() != null && referenceData.division(request.divisionCode()).isEmpty()) {
            errors.rejectValue("divisionCode", "unknown", "no division " + request.divisionCode());
        }
        ServiceHall hall = null;
        if (request.hallCode() != null) {
            hall = referenceData.hall(request.hallCode()).orElse(null);
            if (hall == null) {
                errors.rejectValue("hallCode", "unknown", "no hall " + request.hallCode());
            } else if (hall.division() != null && !Objects.equals(hall.division(), request.divisionCode())) {
                errors.rejectValue("hallCode", "mismatch",
                        "hall " + hall.code() + " belongs to division " + hall.division());
            }
        }
        if (request.channel() == Channel.WINDOW) {
            if (request.hallCode() == null) {
                errors.rejectValue("hallCode", "required", "is required for the WINDOW channel");
            }
            if (request.windowCode() == null) {
                errors.rejectValue("windowCode", "required", "is required for the WINDOW channel");
            }
        }
        if (hall != null && request.windowCode() != null
                && referenceData.window(hall.code(), request.windowCode()).isEmpty()) {
            errors.rejectValue("windowCode", "unknown",
                    "no window " + request.windowCode() + " in hall " + hall.code());
        }
    }
}
