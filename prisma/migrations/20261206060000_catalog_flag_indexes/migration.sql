-- The queue's warning-signs-first and quick-relief-first picks start from these few catalogue cards.
CREATE INDEX "CatalogCard_safety_idx" ON "CatalogCard"("safety");
CREATE INDEX "CatalogCard_quickRelief_idx" ON "CatalogCard"("quickRelief");
