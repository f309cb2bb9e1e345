package org.districtops.partnership.web;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.districtops.kit.errors.NotFoundException;
import org.districtops.partnership.api.*;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.districtops.partnership.web.PartnershipController.DISTRICT_ID;
import static org.districtops.partnership.web.PartnershipController.ITEM_ID;

/**
 * The public opportunity board (anonymous): approved, open, unexpired listings of partners in good standing,
 * each page with schema.org JSON-LD, an Atom feed of new listings, and public figures with small-cell suppression.
 */
@RestController
public class OpportunityBoardController {

    static final int FEED_ENTRIES = 50;
    static final int DEFAULT_PAGE_SIZE = 20;
    static final int MAX_PAGE_SIZE = 100;
    static final int MAX_PAGE = 10_000;
    private static final String ATOM = "http://www.w3.org/2005/Atom";

    private final QueryGateway queries;

    public OpportunityBoardController(QueryGateway queries) {
        this.queries = queries;
    }

    @Operation(summary = "Open opportunities, newest first, one page at a time (page from 1, size up to 100; "
            + "X-Total-Count and Link headers); filters: type, pathway, paid, grade, remote, date (open on), q (title/description)")
    @GetMapping("/public/districts/{districtId}/opportunities")
    public ResponseEntity<List<Opportunity>> board(@PathVariable @Pattern(regexp = DISTRICT_ID) String districtId,
                                                   @RequestParam(required = false) ListingType type,
                                                   @RequestParam(required = false) @Size(max = 100) String pathway,
                                                   @RequestParam(required = false) Boolean paid,
                                                   @RequestParam(required = false) @Min(6) @Max(12) Integer grade,
                                                   @RequestParam(required = false) Boolean remote,
                                                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                                                   @RequestParam(required = false) @Size(max = 100) String q,
                                                   @RequestParam(defaultValue = "1") @Min(1) @Max(MAX_PAGE) int page,
                                                   @RequestParam(defaultValue = "" + DEFAULT_PAGE_SIZE) @Min(1) @Max(MAX_PAGE_SIZE) int size) {
        OpportunityPage result = queries.query(new FindOpportunities(districtId, type, pathway, paid, grade, remote, date,
                q, today(), page, size), ResponseTypes.instanceOf(OpportunityPage.class)).join();
        ResponseEntity.BodyBuilder response = ResponseEntity.ok().header("X-Total-Count", Long.toString(result.total()));
        List<String> links = new ArrayList<>();
        if ((long) page * size < result.total()) {
            links.add(pageLink(page + 1, "next"));
        }
        if (page > 1) {
            links.add(pageLink(page - 1, "prev"));
        }
        if (!links.isEmpty()) {
            response.header(HttpHeaders.LINK, String.join(", ", links));
        }
        return response.body(result.items());
    }

    private static String pageLink(int page, String rel) {
        return "<" + ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("page", page).toUriString()
                + ">; rel=\"" + rel + "\"";
    }

    @Operation(summary = "One open opportunity with its schema.org JSON-LD (jsonLd)")
    @GetMapping("/public/districts/{districtId}/opportunities/{listingId}")
    public Opportunity opportunity(@PathVariable @Pattern(regexp = DISTRICT_ID) String districtId,
                                   @PathVariable @Pattern(regexp = ITEM_ID) String listingId) {
        return queries.query(new FindOpportunity(districtId, listingId, today()),
                        ResponseTypes.optionalInstanceOf(Opportunity.class)).join()
                .orElseThrow(() -> new NotFoundException("No open opportunity " + listingId + " in " + districtId + "."));
    }

    @Operation(summary = "Atom feed of the newest open opportunities")
    @GetMapping(value = "/public/districts/{districtId}/opportunities.atom", produces = "application/atom+xml")
    public ResponseEntity<String> feed(@PathVariable @Pattern(regexp = DISTRICT_ID) String districtId)
            throws XMLStreamException {
        List<Opportunity> newest = queries.query(FindOpportunities.all(districtId, today(), FEED_ENTRIES),
                ResponseTypes.instanceOf(OpportunityPage.class)).join().items();
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString()
                + "/public/districts/" + districtId + "/opportunities";
        StringWriter out = new StringWriter();
        XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeStartElement("feed");
        xml.writeDefaultNamespace(ATOM);
        element(xml, "id", "urn:districtops:" + districtId + ":opportunities");
        element(xml, "title", "Opportunities in " + districtId);
        element(xml, "updated", newest.isEmpty() || newest.get(0).publishedAt() == null
                ? Instant.EPOCH.toString() : newest.get(0).publishedAt().toString());
        link(xml, "self", base + ".atom");
        xml.writeStartElement("author");
        element(xml, "name", districtId);
        xml.writeEndElement();
        for (Opportunity o : newest) {
            xml.writeStartElement("entry");
            element(xml, "id", "urn:districtops:" + districtId + ":listing:" + o.listingId());
            element(xml, "title", o.title());
            element(xml, "updated", o.publishedAt() == null ? Instant.EPOCH.toString() : o.publishedAt().toString());
            link(xml, "alternate", base + "/" + o.listingId());
            xml.writeStartElement("author");
            element(xml, "name", o.partnerName());
            xml.writeEndElement();
            element(xml, "category", null, "term", o.type().name());
            element(xml, "summary", o.type().name() + " · " + o.pathway() + " · apply by " + o.applyUntil() + " — "
                    + o.description());
            xml.writeEndElement();
        }
        xml.writeEndElement();
        xml.writeEndDocument();
        xml.close();
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/atom+xml;charset=UTF-8"))
                .body(out.toString());
    }

    @Operation(summary = "Public figures: open opportunities by type and pathway; placements and confirmed hours per school (<10 suppressed)")
    @GetMapping("/public/districts/{districtId}/partnership-figures")
    public PartnershipFigures figures(@PathVariable @Pattern(regexp = DISTRICT_ID) String districtId) {
        return queries.query(new FindPartnershipFigures(districtId, today()),
                ResponseTypes.instanceOf(PartnershipFigures.class)).join();
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        element(xml, name, text, null, null);
    }

    private static void element(XMLStreamWriter xml, String name, String text, String attribute, String value)
            throws XMLStreamException {
        if (text == null) {
            xml.writeEmptyElement(name);
        } else {
            xml.writeStartElement(name);
        }
        if (attribute != null) {
            xml.writeAttribute(attribute, value);
        }
        if (text != null) {
            xml.writeCharacters(text);
            xml.writeEndElement();
        }
    }

    private static void link(XMLStreamWriter xml, String rel, String href) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("href", href);
    }
}
