package org.districtops.pd.command;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.districtops.kit.errors.InvalidInputException;
import org.districtops.kit.errors.StateConflictException;
import org.districtops.pd.api.*;

import java.util.List;

/**
 * An educator as pd-service knows them: an opaque id, schools, the OneRoster sourcedId, portfolio settings.
 * Never names or emails: those live encrypted in the personal-data store.
 */
@Aggregate
public class Educator {

    @AggregateIdentifier
    private String id;
    private EducatorRef ref;
    private List<String> schoolIds;
    private boolean erased;
    private boolean isPublic;
    private boolean shareLink;

    protected Educator() {
        // for Axon
    }

    /** Registers a new educator, or records changed schools; an unchanged roster row records nothing. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RegisterEducator c) {
        Checks.optionalText("sourcedId", c.sourcedId(), 256);
        List<String> schools = Checks.ids("schoolIds", c.schoolIds(), 20);
        if (id == null) {
            apply(new EducatorRegistered(c.educator().districtId(), c.educator().educatorId(),
                    Checks.strip(c.sourcedId()), schools));
        } else if (!schools.equals(schoolIds)) {
            apply(new EducatorSchoolsChanged(ref.districtId(), ref.educatorId(), schools));
        }
    }

    @CommandHandler
    public void handle(EraseEducator c) {
        if (erased) {
            throw new StateConflictException("This educator's personal data is already erased.");
        }
        apply(new EducatorErased(ref.districtId(), ref.educatorId()));
    }

    @CommandHandler
    public void handle(SetPortfolioVisibility c) {
        if (c.isPublic() != isPublic) {
            apply(new PortfolioVisibilitySet(ref.districtId(), ref.educatorId(), c.isPublic()));
        }
    }

    @CommandHandler
    public void handle(CreateShareLink c) {
        if (c.tokenHash() == null || !c.tokenHash().matches("[0-9a-f]{64}")) {
            throw new InvalidInputException("tokenHash", "must be a SHA-256 hex digest");
        }
        apply(new ShareLinkCreated(ref.districtId(), ref.educatorId(), c.tokenHash()));
    }

    @CommandHandler
    public void handle(RevokeShareLink c) {
        if (!shareLink) {
            throw new StateConflictException("There is no share link to revoke.");
        }
        apply(new ShareLinkRevoked(ref.districtId(), ref.educatorId()));
    }

    private static void apply(Object event) {
        org.axonframework.modelling.command.AggregateLifecycle.apply(event);
    }

    @EventSourcingHandler
    void on(EducatorRegistered e) {
        ref = new EducatorRef(e.districtId(), e.educatorId());
        id = ref.toString();
        schoolIds = e.schoolIds();
    }

    @EventSourcingHandler
    void on(EducatorSchoolsChanged e) {
        schoolIds = e.schoolIds();
    }

    @EventSourcingHandler
    void on(EducatorErased e) {
        erased = true;
        isPublic = false;
        shareLink = false;
    }

    @EventSourcingHandler
    void on(PortfolioVisibilitySet e) {
        isPublic = e.isPublic();
    }

    @EventSourcingHandler
    void on(ShareLinkCreated e) {
        shareLink = true;
    }

    @EventSourcingHandler
    void on(ShareLinkRevoked e) {
        shareLink = false;
    }
}
