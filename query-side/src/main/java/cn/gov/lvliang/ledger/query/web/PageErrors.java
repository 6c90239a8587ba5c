package cn.gov.lvliang.ledger.query.web;

import cn.gov.lvliang.ledger.query.infra.InvalidParameterException;
import cn.gov.lvliang.ledger.query.infra.NotFoundException;
import java.util.List;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.validation.BindException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors of the pages as pages: a reader who follows a stale link or mistypes a filter gets a page in the UI's
 * language, not the API's problem JSON. Ordered before the API's advice, and only for the page controllers.
 */
@ControllerAdvice(assignableTypes = {DashboardController.class, TargetsController.class, CaseController.class,
        FundraisingController.class, ScoringPagesController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

    private final Labels labels;

    PageErrors(Labels labels) {
        this.labels = labels;
    }

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound(NotFoundException e) {
        return page(HttpStatus.NOT_FOUND, List.of(e.getMessage()));
    }

    @ExceptionHandler(BindException.class)
    ModelAndView badParameters(BindException e) {
        return page(HttpStatus.BAD_REQUEST, e.getFieldErrors().stream()
                .map(error -> labels.get("error.parameter", error.getField(), String.valueOf(error.getRejectedValue())))
                .toList());
    }

    @ExceptionHandler(TypeMismatchException.class)
    ModelAndView badParameter(TypeMismatchException e) {
        return page(HttpStatus.BAD_REQUEST, List.of(labels.get("error.parameter", e.getPropertyName(),
                String.valueOf(e.getValue()))));
    }

    @ExceptionHandler(InvalidParameterException.class)
    ModelAndView parameterRuleBroken(InvalidParameterException e) {
        return page(HttpStatus.BAD_REQUEST, List.of(labels.get("error.parameterRule", e.parameter(), e.getMessage())));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ModelAndView badRequest(RuntimeException e) {
        return page(HttpStatus.BAD_REQUEST, List.of(e.getMessage()));
    }

    private ModelAndView page(HttpStatus status, List<String> messages) {
        ModelAndView page = new ModelAndView("error");
        page.setStatus(status);
        page.addObject("status", status.value());
        page.addObject("messages", messages);
        return page;
    }
}
