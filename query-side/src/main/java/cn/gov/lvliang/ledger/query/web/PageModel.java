package cn.gov.lvliang.ledger.query.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import org.springframework.core.io.ClassPathResource;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page's layout needs: the path of ECharts in its webjar (whatever version the build brought) and the
 * current page in the other language.
 */
@ControllerAdvice(assignableTypes = {DashboardController.class, TargetsController.class, CaseController.class,
        FundraisingController.class, ScoringPagesController.class})
class PageModel {

    private final String echartsScript;

    PageModel() {
        this.echartsScript = "/webjars/echarts/" + webjarVersion("echarts") + "/echarts.min.js";
    }

    @ModelAttribute("echartsScript")
    String echartsScript() {
        return echartsScript;
    }

    @ModelAttribute("langZh")
    String langZh(HttpServletRequest request) {
        return withLang(request, "zh-CN");
    }

    @ModelAttribute("langEn")
    String langEn(HttpServletRequest request) {
        return withLang(request, "en");
    }

    /** The request's own URL (with its context path and filters) with {@code lang} set. */
    private static String withLang(HttpServletRequest request, String lang) {
        String query = request.getQueryString() == null ? ""
                : request.getQueryString().replaceAll("(^|&)lang=[^&]*", "").replaceFirst("^&", "");
        return request.getRequestURI() + "?" + (query.isEmpty() ? "" : query + "&") + "lang=" + lang;
    }

    private static String webjarVersion(String name) {
        String file = "META-INF/maven/org.webjars/" + name + "/pom.properties";
        try (InputStream in = new ClassPathResource(file).getInputStream()) {
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException("The " + name + " webjar is missing (" + file + ")", e);
        }
    }
}
