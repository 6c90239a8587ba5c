-- Reference data: only the latest published version is kept (reference_publication holds its number), and every
-- row says which version it came from. list_order keeps the published order.
CREATE TABLE reference_publication (
    reference_id VARCHAR(64)              NOT NULL,
    version      INT                      NOT NULL,
    content_hash VARCHAR(64),
    published_at TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_reference_publication PRIMARY KEY (reference_id)
);

CREATE TABLE reference_division (
    code       VARCHAR(16)  NOT NULL,
    name       VARCHAR(100) NOT NULL,
    short_name VARCHAR(50),
    kind       VARCHAR(16)  NOT NULL,
    list_order INT          NOT NULL,
    version    INT          NOT NULL,
    CONSTRAINT pk_reference_division PRIMARY KEY (code)
);

-- aliases is a JSON array of other printed forms of the name.
CREATE TABLE reference_unit (
    code             VARCHAR(64)  NOT NULL,
    name             VARCHAR(200) NOT NULL,
    unit_level       VARCHAR(16)  NOT NULL,
    division_code    VARCHAR(16),
    city_counterpart VARCHAR(64),
    aliases          VARCHAR(4000) NOT NULL,
    list_order       INT          NOT NULL,
    version          INT          NOT NULL,
    CONSTRAINT pk_reference_unit PRIMARY KEY (code)
);

CREATE TABLE reference_hall (
    code          VARCHAR(32)  NOT NULL,
    name          VARCHAR(200) NOT NULL,
    division_code VARCHAR(16),
    list_order    INT          NOT NULL,
    version       INT          NOT NULL,
    CONSTRAINT pk_reference_hall PRIMARY KEY (code)
);

CREATE TABLE reference_window (
    code       VARCHAR(32)  NOT NULL,
    hall_code  VARCHAR(32)  NOT NULL,
    name       VARCHAR(200) NOT NULL,
    kind       VARCHAR(32)  NOT NULL,
    list_order INT          NOT NULL,
    version    INT          NOT NULL,
    CONSTRAINT pk_reference_window PRIMARY KEY (code)
);

CREATE INDEX idx_reference_window_hall ON reference_window (hall_code, list_order);

-- The bundle catalog: every published version is kept, since each case names the version it was opened under.
-- Names are stored exactly as printed; co_units is a JSON array of printed unit names.
CREATE TABLE catalog_publication (
    version      INT                      NOT NULL,
    catalog_id   VARCHAR(64)              NOT NULL,
    content_hash VARCHAR(64),
    title        VARCHAR(500),
    source       VARCHAR(500),
    published_at TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_catalog_publication PRIMARY KEY (version)
);

CREATE TABLE catalog_bundle (
    catalog_version INT          NOT NULL,
    code            VARCHAR(16)  NOT NULL,
    seq             INT          NOT NULL,
    name            VARCHAR(500) NOT NULL,
    mark            VARCHAR(16)  NOT NULL,
    target_year     INT          NOT NULL,
    subject         VARCHAR(16)  NOT NULL,
    lead_unit       VARCHAR(200) NOT NULL,
    CONSTRAINT pk_catalog_bundle PRIMARY KEY (catalog_version, code)
);

CREATE TABLE catalog_item (
    catalog_version INT           NOT NULL,
    bundle_code     VARCHAR(16)   NOT NULL,
    seq             INT           NOT NULL,
    name            VARCHAR(500)  NOT NULL,
    unit            VARCHAR(200)  NOT NULL,
    co_units        VARCHAR(4000) NOT NULL,
    CONSTRAINT pk_catalog_item PRIMARY KEY (catalog_version, bundle_code, seq)
);
