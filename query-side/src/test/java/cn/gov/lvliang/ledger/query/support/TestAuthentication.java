package cn.gov.lvliang.ledger.query.support;

import org.springframework.boot.web.client.RestTemplateCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpHeaders;

/**
 * Signs every test request in as the administrator, who reads every county, the audit trails and the rebuild
 * endpoints, unless the test signs in as someone else: most tests are about the read models. The access-control
 * tests sign in as each role explicitly.
 */
@Configuration(proxyBeanMethods = false)
@Profile("test")
public class TestAuthentication {

    public static final String DEFAULT_USER = "admin";
    public static final String PASSWORD = "ledger-demo";

    @Bean
    RestTemplateCustomizer signInAsAdministratorByDefault() {
        return restTemplate -> restTemplate.getInterceptors().add((request, body, execution) -> {
            if (!request.getHeaders().containsKey(HttpHeaders.AUTHORIZATION)) {
                request.getHeaders().setBasicAuth(DEFAULT_USER, PASSWORD);
            }
            return execution.execute(request, body);
        });
    }
}
