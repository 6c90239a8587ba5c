package cn.gov.lvliang.ledger.query.infra;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.lvliang.ledger.query.support.QuerySideTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The query side's sessions on PostgreSQL run without the just-in-time compiler, whatever the server's default. */
@QuerySideTest
class DatabaseSessionTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void sessionsOnPostgresql_runWithoutTheJitCompiler() {
        assertThat(jdbc.sql("SHOW jit").query(String.class).single()).isEqualTo("off");
    }
}
