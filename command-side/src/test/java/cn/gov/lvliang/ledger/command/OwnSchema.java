package cn.gov.lvliang.ledger.command;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A PostgreSQL schema of a test class's own, on the test database, for an application context that must not share
 * the public schema with the others (its scheduler, its demo data or its generated cases would reach theirs). The
 * class points its context at the schema from a {@code @DynamicPropertySource} with {@link #use}, and declares
 * {@code @ExtendWith(OwnSchema.class)} before {@code @SpringBootTest} (with {@code @DirtiesContext} after the class),
 * so that the schema is dropped after Spring has closed the context that used it.
 */
public final class OwnSchema implements AfterAllCallback {

    private static final String URL = System.getenv()
            .getOrDefault("LEDGER_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/ledger_test");
    private static final String USER = System.getenv().getOrDefault("LEDGER_TEST_DB_USER", "ledger");
    private static final String PASSWORD = System.getenv().getOrDefault("LEDGER_TEST_DB_PASSWORD", "ledger");
    private static final Map<Class<?>, String> SCHEMAS = new ConcurrentHashMap<>();

    /** Points the test class's datasource and Flyway at a new schema named with the prefix and a random suffix. */
    public static void use(DynamicPropertyRegistry registry, Class<?> testClass, String prefix) {
        String schema = SCHEMAS.computeIfAbsent(testClass,
                ignored -> prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
        registry.add("spring.datasource.url", () -> URL + "?currentSchema=" + schema);
        registry.add("spring.flyway.schemas", () -> schema);
        registry.add("spring.flyway.default-schema", () -> schema);
    }

    @Override
    public void afterAll(ExtensionContext extension) throws SQLException {
        String schema = SCHEMAS.remove(extension.getRequiredTestClass());
        if (schema == null) {
            return;
        }
        try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD);
             Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }
}
