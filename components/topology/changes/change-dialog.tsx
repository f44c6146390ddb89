'use client';
// The form of one console change: fields that are checked as you type with the server's own rules (schema, then
// checkMove with rule ids), and "Review plan" that opens the same plan dialog as a drop. Nothing is sent from here.
import { useId, useMemo, useState, type ReactNode } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { DialogCloseButton, ModalDialog } from '@/components/ui/modal-dialog';
import type { TopologyData } from '@/lib/queries/topology';
import { actionLabels, type ChangeAction, type ChangeTarget } from './change-actions';
import { draftMove, type Fields, initialFields, judgeDraft } from './change-draft';

type Props = {
  data: TopologyData;
  action: ChangeAction;
  target: ChangeTarget;
  onReview: (plan: import('@/lib/topology').Plan) => void;
  onClose: () => void;
};

function Field({ label, hint, children }: { label: string; hint?: string; children: ReactNode }) {
  return (
    <label className="flex flex-col gap-1 text-xs">
      <span className="font-medium text-fg">{label}</span>
      {children}
      {hint ? <span className="text-2xs text-muted">{hint}</span> : null}
    </label>
  );
}

type Group = TopologyData['securityGroups'][number];

/** Checkboxes of a VPC's security groups, in the order ticked. */
function GroupPicker(props: { groups: Group[]; value: string[]; onChange: (ids: string[]) => void; note: string }) {
  const { groups, value, onChange, note } = props;
  return (
    <fieldset className="flex flex-col text-xs" data-testid="change-groups">
      <legend className="mb-1 font-medium">Security groups {groups.length ? '' : '(none known in this VPC)'}</legend>
      {groups.map((g) => (
        <label key={g.id} className="flex min-h-6 items-center gap-2">
          <input
            type="checkbox"
            checked={value.includes(g.id)}
            onChange={(e) => onChange(e.target.checked ? [...value, g.id] : value.filter((x) => x !== g.id))}
          />
          <span className="font-mono">{g.id}</span> <span className="text-muted">{g.name}</span>
        </label>
      ))}
      <span className="text-2xs text-muted">{note}</span>
    </fieldset>
  );
}

const selectClass = 'h-8 w-full rounded-md border border-line-strong bg-surface px-2 text-13 text-fg';

export function ChangeDialog({ data, action, target, onReview, onClose }: Props) {
  const titleId = useId();
  const [f, setF] = useState<Fields>(() => initialFields(data, action, target));
  const set = <K extends keyof Fields>(key: K, value: Fields[K]) => setF((old) => ({ ...old, [key]: value }));
  const verdict = useMemo(
    () => judgeDraft(data, data.settings, draftMove(action, target, f, data)),
    [data, action, target, f],
  );

  const eniId = target.kind === 'eni' ? target.id : target.kind === 'ip' ? target.eniId : '';
  const eni = data.enis.find((e) => e.id === eniId);
  const instance = target.kind === 'instance' ? data.instances.find((i) => i.id === target.id) : undefined;
  const subnet = data.subnets.find((s) => s.id === f.subnetId);
  const groups = data.securityGroups.filter((g) => g.vpcId === subnet?.vpcId);
  const instances = data.instances.filter((i) => !subnet || i.az === subnet.az);
  const creating = action === 'create-eni' || action === 'create-attach-eni';

  return (
    <ModalDialog
      testId="change-dialog"
      labelledBy={titleId}
      onCancel={onClose}
      className="max-h-[min(88vh,48rem)] w-[min(32rem,calc(100vw-2rem))]"
    >
      <header className="flex items-start gap-3 border-b border-line px-5 pt-4 pb-3">
        <div className="min-w-0 flex-1">
          <p className="text-2xs font-semibold tracking-wide text-muted uppercase">Change</p>
          <h2 id={titleId} className="text-base font-semibold">
            {actionLabels[action].replace('…', '')}
          </h2>
          <p className="truncate font-mono text-xs text-muted">
            {eni
              ? `${eni.name ? `${eni.name} · ` : ''}${eni.id}`
              : target.kind === 'eip'
                ? target.id
                : instance && !creating
                  ? `${instance.name ? `${instance.name} · ` : ''}${instance.id} · ${instance.state}`
                  : (subnet?.id ?? '')}
          </p>
        </div>
        <DialogCloseButton onClick={onClose} />
      </header>

      <form
        className="flex min-h-0 flex-1 flex-col gap-3 overflow-y-auto px-5 py-4"
        onSubmit={(e) => {
          e.preventDefault();
          if (verdict.state === 'ok') onReview(verdict.plan);
        }}
      >
        {creating ? (
          <>
            <Field label="Subnet">
              <select
                className={selectClass}
                value={f.subnetId}
                onChange={(e) => set('subnetId', e.target.value)}
                data-testid="change-subnet"
              >
                {data.subnets.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name ? `${s.name} · ` : ''}
                    {s.id} · {s.cidr} · {s.az} · {s.availableIpCount} free
                  </option>
                ))}
              </select>
            </Field>
            <Field label="Name (tag)">
              <Input
                value={f.name}
                onChange={(e) => set('name', e.target.value)}
                data-testid="change-name"
                placeholder="web-extra"
              />
            </Field>
            <Field label="Description">
              <Input value={f.description} onChange={(e) => set('description', e.target.value)} />
            </Field>
            <div className="grid grid-cols-2 gap-3">
              <Field
                label="Primary private IP"
                hint={subnet ? `Empty: the lowest free address of ${subnet.cidr}` : undefined}
              >
                <Input
                  value={f.privateIp}
                  onChange={(e) => set('privateIp', e.target.value)}
                  data-testid="change-private-ip"
                  placeholder="auto"
                  className="font-mono"
                />
              </Field>
              <Field label="Secondary IPs (count)">
                <Input
                  type="number"
                  min={0}
                  max={63}
                  value={f.secondaryCount}
                  onChange={(e) => set('secondaryCount', e.target.value)}
                  data-testid="change-secondary-count"
                />
              </Field>
            </div>
            <GroupPicker
              groups={groups}
              value={f.groupIds}
              onChange={(ids) => set('groupIds', ids)}
              note="None ticked: the VPC's default group."
            />
            <label className="flex items-center gap-2 text-xs">
              <input
                type="checkbox"
                checked={f.attach}
                onChange={(e) => set('attach', e.target.checked)}
                data-testid="change-attach"
              />
              Attach to an instance right away
            </label>
            {f.attach ? (
              <Field
                label="Instance"
                hint="Only instances in the subnet's Availability Zone; the lowest free device index is used."
              >
                <select
                  className={selectClass}
                  value={f.instanceId}
                  onChange={(e) => set('instanceId', e.target.value)}
                  data-testid="change-instance"
                >
                  <option value="">Choose an instance</option>
                  {instances.map((i) => (
                    <option key={i.id} value={i.id}>
                      {i.name ? `${i.name} · ` : ''}
                      {i.id} · {i.type} · {i.state}
                    </option>
                  ))}
                </select>
              </Field>
            ) : null}
          </>
        ) : null}

        {action === 'assign-ips' ? (
          <>
            <div className="flex gap-4 text-xs" role="radiogroup" aria-label="How to pick the addresses">
              <label className="flex items-center gap-1.5">
                <input type="radio" checked={f.mode === 'count'} onChange={() => set('mode', 'count')} /> The lowest
                free addresses
              </label>
              <label className="flex items-center gap-1.5">
                <input
                  type="radio"
                  checked={f.mode === 'addresses'}
                  onChange={() => set('mode', 'addresses')}
                  data-testid="change-mode-addresses"
                />{' '}
                These addresses
              </label>
            </div>
            {f.mode === 'count' ? (
              <Field label="How many">
                <Input
                  type="number"
                  min={1}
                  max={63}
                  value={f.count}
                  onChange={(e) => set('count', e.target.value)}
                  data-testid="change-count"
                />
              </Field>
            ) : (
              <Field label="Addresses" hint="Separated by spaces or commas">
                <Input
                  value={f.addresses}
                  onChange={(e) => set('addresses', e.target.value)}
                  data-testid="change-addresses"
                  className="font-mono"
                  placeholder="10.0.1.40 10.0.1.41"
                />
              </Field>
            )}
          </>
        ) : null}

        {action === 'unassign-ips' || action === 'unassign-ip' ? (
          <fieldset className="flex flex-col text-xs">
            <legend className="mb-1 font-medium">Secondary IPs to unassign</legend>
            {eni?.privateIps
              .filter((p) => !p.primary)
              .map((p) => (
                <label key={p.address} className="flex min-h-6 items-center gap-2 font-mono">
                  <input
                    type="checkbox"
                    checked={f.selected.includes(p.address)}
                    onChange={(e) =>
                      set(
                        'selected',
                        e.target.checked ? [...f.selected, p.address] : f.selected.filter((x) => x !== p.address),
                      )
                    }
                  />
                  {p.address}
                  {p.association ? <span className="text-muted">→ {p.association.publicIp}</span> : null}
                </label>
              ))}
          </fieldset>
        ) : null}

        {action === 'allocate-eip' ? (
          <Field label="Name (tag)">
            <Input
              value={f.name}
              onChange={(e) => set('name', e.target.value)}
              data-testid="change-name"
              placeholder="bastion"
            />
          </Field>
        ) : null}

        {action === 'source-dest-check' ? (
          <label className="flex items-center gap-2 text-xs">
            <input
              type="checkbox"
              checked={f.enabled}
              onChange={(e) => set('enabled', e.target.checked)}
              data-testid="change-enabled"
            />
            Source/destination check enabled (now {eni?.sourceDestCheck ? 'enabled' : 'disabled'}; disable it for NAT
            instances and routers)
          </label>
        ) : null}

        {action === 'set-description' ? (
          <Field
            label="Description"
            hint={`Now: ${eni?.description ? `"${eni.description}"` : 'none'}. Empty clears it.`}
          >
            <Input
              value={f.description}
              maxLength={300}
              onChange={(e) => set('description', e.target.value)}
              data-testid="change-description"
              placeholder="NAT appliance, eth1"
            />
          </Field>
        ) : null}

        {action === 'set-security-groups' ? (
          <GroupPicker
            groups={data.securityGroups.filter((g) => g.vpcId === eni?.vpcId)}
            value={f.groupIds}
            onChange={(ids) => set('groupIds', ids)}
            note={`Replaces the whole set (now ${eni?.groups.map((g) => g.name).join(', ') || 'none'}); 1 to 5 groups.`}
          />
        ) : null}

        {action === 'set-tags' ? (
          <Field
            label="Tags"
            hint="One key=value per line. Edit a value, add a line, or delete a line to remove the tag."
          >
            <textarea
              value={f.tagLines}
              rows={6}
              spellCheck={false}
              onChange={(e) => set('tagLines', e.target.value)}
              data-testid="change-tags"
              className="w-full rounded-md border border-line-strong bg-surface px-2 py-1.5 font-mono text-13 text-fg"
              placeholder={'Name=web-eth1\nteam=payments'}
            />
          </Field>
        ) : null}

        {(action === 'stop-instance' || action === 'start-instance') && verdict.state === 'ok' ? (
          <p className="text-xs text-fg" data-testid="change-power-note">
            {instance?.name ?? (target.kind === 'instance' ? target.id : '')} is {instance?.state ?? 'unknown'}. The
            plan says what {action === 'stop-instance' ? 'stopping' : 'starting'} it changes; nothing is sent before you
            confirm it.
          </p>
        ) : null}

        <Verdict verdict={verdict} />
        <footer className="mt-1 flex justify-end gap-2">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={verdict.state !== 'ok'} data-testid="change-review">
            Review plan
          </Button>
        </footer>
      </form>
    </ModalDialog>
  );
}

function Verdict({ verdict }: { verdict: ReturnType<typeof judgeDraft> }) {
  if (verdict.state === 'ok')
    return (
      <p
        role="status"
        data-testid="change-verdict"
        data-state="ok"
        className="rounded-md border border-ok/30 bg-subtle px-3 py-2 text-xs text-fg"
      >
        {verdict.plan.summary}
      </p>
    );
  const lines =
    verdict.state === 'invalid' ? verdict.problems.map((p) => ({ rule: null, message: p })) : verdict.reasons;
  return (
    <div
      role="status"
      data-testid="change-verdict"
      data-state={verdict.state}
      className="flex flex-col gap-1.5 rounded-md border border-danger/30 bg-danger-soft px-3 py-2 text-xs text-fg"
    >
      <p className="font-medium">
        {verdict.state === 'invalid' ? 'Not valid yet' : 'EC2 would refuse this; nothing will be sent'}
      </p>
      {lines.map((r, i) => (
        <p key={i} className="flex items-start gap-2">
          {r.rule ? (
            <Badge tone="danger" data-testid="change-rule">
              {r.rule}
            </Badge>
          ) : null}
          <span>{r.message}</span>
        </p>
      ))}
    </div>
  );
}
