-- CreateIndex
CREATE INDEX "CatalogCard_safety_idx" ON "CatalogCard"("safety");

-- CreateIndex
CREATE INDEX "CatalogCard_quickRelief_idx" ON "CatalogCard"("quickRelief");

