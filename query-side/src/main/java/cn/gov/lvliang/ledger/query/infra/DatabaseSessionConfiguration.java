package cn.gov.lvliang.ledger.query.infra;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The query side's database sessions on PostgreSQL run without its just-in-time compiler. PostgreSQL compiles a
 * statement to machine code when the planner's cost estimate passes {@code jit_above_cost}, which a report's
 * statements over thousands of cases do, and then spends 10–20 ms compiling on every execution of a statement that
 * runs in 20 ms without it: the campaign-work statistics table took p50 94 ms
 * with the compiler and 62 ms without it at 6,000 disposal cases, the fundraising board p95 54 against 41 ms
 * (docs/perf.md, "PostgreSQL's JIT"). The query side's statements are short reads and small writes, where the
 * compiler never pays for itself. A URL that sets its own {@code options} keeps them; H2 has no such compiler.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseSessionConfiguration {

    @Bean
    static BeanPostProcessor postgresqlSessionsWithoutJit() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof HikariDataSource dataSource && dataSource.getJdbcUrl() != null
                        && dataSource.getJdbcUrl().startsWith("jdbc:postgresql:")
                        && !dataSource.getJdbcUrl().contains("options=")
                        && !dataSource.getDataSourceProperties().containsKey("options")) {
                    // Sent to the server when each connection starts (PostgreSQL's "options" startup parameter).
                    dataSource.addDataSourceProperty("options", "-c jit=off");
                }
                return bean;
            }
        };
    }
}
