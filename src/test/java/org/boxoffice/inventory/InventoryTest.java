package org.boxoffice.inventory;

import javax.sql.DataSource;
import org.boxoffice.catalog.CatalogService;
import org.boxoffice.support.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** An API test that also drives inventory directly: holds in transactions of its own, and raw connections. */
abstract class InventoryTest extends ApiTest {
    @Autowired
    HoldService holds;
    @Autowired
    AvailabilityService availability;
    @Autowired
    CatalogService catalog;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    DataSource dataSource;
}
