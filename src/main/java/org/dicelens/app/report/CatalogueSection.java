package org.dicelens.app.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dicelens.app.catalogue.Catalogue;
import org.dicelens.app.catalogue.Quantity;
import org.dicelens.metrics.CaseMetrics;

/** The catalogue's quantities as the report's first section: its keys and order are the catalogue's. */
final class CatalogueSection implements ReportSection {
    private final Map<String, Quantity> caseQ = index(Catalogue.caseQuantities());
    private final Map<String, Quantity> classQ = index(Catalogue.classQuantities());

    private static Map<String, Quantity> index(List<Quantity> qs) {
        Map<String, Quantity> m = new LinkedHashMap<>();
        qs.forEach(q -> m.put(q.key(), q));
        return m;
    }

    @Override
    public List<String> caseKeys() {
        return List.copyOf(caseQ.keySet());
    }

    @Override
    public List<String> classKeys() {
        return List.copyOf(classQ.keySet());
    }

    @Override
    public Object caseValue(CaseMetrics m, String key) {
        return caseQ.get(key).of(m, -1);
    }

    @Override
    public Object classValue(CaseMetrics m, int channel, String key) {
        return classQ.get(key).of(m, channel);
    }
}
