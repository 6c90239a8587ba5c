-- Axon's JDBC token store, with Axon's default names. Each row is one segment of one processor; the owner column
-- is how several query-side nodes share a processor's segments.
CREATE TABLE tokenentry (
    processorname VARCHAR(255) NOT NULL,
    segment       INTEGER      NOT NULL,
    token         BYTEA,
    tokentype     VARCHAR(255),
    timestamp     VARCHAR(255),
    owner         VARCHAR(255),
    CONSTRAINT pk_tokenentry PRIMARY KEY (processorname, segment)
);
