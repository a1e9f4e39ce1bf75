import { useGroupExposure, useGroupMembers, type WidgetOutput } from "../api/customer-queries";
import { CustomerLink } from "../components/customer-link";
import { QueryState, WidgetCard } from "../components/widget-card";
import { date, money } from "../lib/format";

type Exposure = WidgetOutput<"groupExposure">["groups"][number];
type Amounts = { currency: string; amount: string }[];

const amounts = (list: Amounts) =>
  list.length === 0 ? "—" : list.map((a) => money(a.amount, a.currency)).join(" · ");

function ExposureTotals({ group }: { group: Exposure }) {
  return (
    <ul className="totals" aria-label={`Exposure of ${group.name} per currency`}>
      {group.totals.map((t) => (
        <li
          key={`${t.side}-${t.currency}`}
          className={`total total-${t.side}`}
          data-exposure={`${t.side} ${t.currency}`}
        >
          <span className="muted small-text">{t.side === "assets" ? "Assets" : "Liabilities"}</span>
          <strong>{money(t.amount, t.currency)}</strong>
        </li>
      ))}
      {group.totals.length === 0 ? <li className="muted">No active holdings.</li> : null}
    </ul>
  );
}

/**
 * groups.members and FTOS_ACC_GroupExposure: a group's members with their roles, dates and
 * active holdings, and its consolidated exposure; a member's groups, each a link.
 */
export function GroupWidget({ customerId, isGroup }: { customerId: string; isGroup: boolean }) {
  const memberships = useGroupMembers(customerId);
  const exposure = useGroupExposure(customerId);
  const own = exposure.data?.groups.find((g) => g.customerInternalId === customerId);
  return (
    <WidgetCard name="groups" title={isGroup ? "Group members and exposure" : "Groups"} span="span-8">
      <QueryState
        query={memberships}
        isEmpty={(m) => (isGroup ? m.members.length === 0 : m.groups.length === 0)}
        empty={<p>{isGroup ? "The group has no members." : "Not a member of any group."}</p>}
      >
        {(m) =>
          isGroup ? (
            <>
              {own ? <ExposureTotals group={own} /> : null}
              <div className="table-scroll">
                <table>
                  <caption>Members</caption>
                  <thead>
                    <tr>
                      <th scope="col">Member</th>
                      <th scope="col">Role</th>
                      <th scope="col">Assets</th>
                      <th scope="col">Liabilities</th>
                    </tr>
                  </thead>
                  <tbody>
                    {m.members.map((member) => {
                      const held = own?.members.find(
                        (x) => x.customerInternalId === member.customerInternalId,
                      );
                      return (
                        <tr
                          key={member.groupMemberIdentifier}
                          className={member.active ? undefined : "inactive"}
                        >
                          <th scope="row">
                            <CustomerLink customerId={member.customerInternalId} name={member.name} />
                            <span className="muted block small-text">
                              {member.startDate ? `since ${date(member.startDate)}` : "no start date"}
                              {member.endDate ? ` · until ${date(member.endDate)}` : ""}
                              {member.active ? "" : " · not active today"}
                            </span>
                          </th>
                          <td>{member.role}</td>
                          <td>{held ? amounts(held.assets) : "—"}</td>
                          <td>{held ? amounts(held.liabilities) : "—"}</td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
            </>
          ) : (
            <ul className="plain-list" aria-label="Member of">
              {m.groups.map((g) => {
                const consolidated = exposure.data?.groups.find(
                  (x) => x.customerInternalId === g.groupInternalId,
                );
                return (
                  <li key={g.groupMemberIdentifier} className={g.active ? undefined : "inactive"}>
                    <CustomerLink customerId={g.groupInternalId} name={g.groupName} />
                    <span className="pill">{g.role}</span>
                    {g.active ? null : <span className="muted small-text"> not active today</span>}
                    {consolidated ? <ExposureTotals group={consolidated} /> : null}
                  </li>
                );
              })}
            </ul>
          )
        }
      </QueryState>
    </WidgetCard>
  );
}
