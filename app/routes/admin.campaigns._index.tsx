import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "react-router";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "react-router";
import { RouteErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary, SelectField, SubmitButton, TextField } from "~/components/forms";
import { EmptyState, PageHeader } from "~/components/layout";
import { redirectWithFlash } from "~/utils/flash.server";
import { SUPPORTED_CURRENCIES } from "~/utils/money";
import { requireRole } from "~/routes/helpers/session.server";
import { CAMPAIGN_STATUS_LABELS, newCampaignSchema } from "~/modules/sponsorship";
import { createCampaign, listCampaigns, progressView, campaignsProgress } from "~/modules/sponsorship/index.server";
import { TableRegion } from "~/components/table-region";

export const meta: MetaFunction = () => [{ title: "Campaigns · Organisers' console" }];

export function loader({ request }: LoaderFunctionArgs) {
  requireRole(request, "organiser");
  const list = listCampaigns();
  const progress = campaignsProgress(list.map((campaign) => campaign.id));
  return {
    campaigns: list.map((campaign) => ({
      id: campaign.id,
      slug: campaign.slug,
      title: campaign.title,
      status: campaign.status,
      tiers: campaign.tiers,
      progress: progressView(progress.get(campaign.id)!),
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = requireRole(request, "organiser");
  const submission = parseWithZod(await request.formData(), { schema: newCampaignSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = createCampaign(actor.id, submission.value);
  if (!result.ok) return data(submission.reply({ fieldErrors: result.fieldErrors }), { status: 400 });
  return redirectWithFlash(`/admin/campaigns/${result.id}`, "Campaign saved as a draft. Add its story and tiers, then open it.");
}

export default function AdminCampaigns() {
  const { campaigns } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "new-campaign",
    lastResult,
    defaultValue: { currency: "NGN", minAmount: "500", maxAmount: "5000000" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: newCampaignSchema }),
    shouldValidate: "onBlur",
  });
  return (
    <>
      <p>
        <Link to="/admin">Organisers' console</Link> · <Link to="/admin/donations">Donations</Link>
      </p>
      <PageHeader title="Campaigns" lead="What sponsors give to: each campaign has a goal, a story and suggested gifts.">
        <p>
          <Link to="/admin/impact">Impact reports</Link>: what the gifts paid for and whom they reached.
        </p>
      </PageHeader>
      {campaigns.length ? (
        <TableRegion label="Campaigns">
          <table>
            <caption className="visually-hidden">Campaigns</caption>
            <thead>
              <tr>
                <th scope="col">Campaign</th>
                <th scope="col">Status</th>
                <th scope="col">Raised</th>
                <th scope="col">Donors</th>
                <th scope="col">Tiers</th>
              </tr>
            </thead>
            <tbody>
              {campaigns.map((campaign) => (
                <tr key={campaign.id}>
                  <td>
                    <Link to={`/admin/campaigns/${campaign.id}`}>{campaign.title}</Link>
                    <br />
                    <span className="muted">/donate/{campaign.slug}</span>
                  </td>
                  <td>
                    <span className={campaign.status === "open" ? "tag tag--success" : "tag"}>{CAMPAIGN_STATUS_LABELS[campaign.status]}</span>
                  </td>
                  <td>
                    {campaign.progress.raised} of {campaign.progress.goal} ({campaign.progress.percent}%)
                  </td>
                  <td>{campaign.progress.donors}</td>
                  <td>{campaign.tiers}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      ) : (
        <EmptyState title="No campaigns yet">
          <p>Start one below: it stays a draft until you open it.</p>
        </EmptyState>
      )}
      <section aria-labelledby="new-campaign-heading">
        <h2 id="new-campaign-heading">New campaign</h2>
        <Form method="post" {...getFormProps(form)} className="form">
          <ErrorSummary
            form={form}
            fields={{ title: fields.title, slug: fields.slug, currency: fields.currency, goal: fields.goal, minAmount: fields.minAmount, maxAmount: fields.maxAmount }}
          />
          <TextField meta={fields.title} label="Title" hint="For example: Workshop seats for 2027." />
          <TextField meta={fields.slug} label="Web address (optional)" hint="The end of /donate/…; made from the title when left empty." spellCheck={false} />
          <SelectField meta={fields.currency} label="Currency" options={SUPPORTED_CURRENCIES} />
          <TextField meta={fields.goal} label="Goal" hint="In the currency's main unit, like 500000 or 500,000 for ₦500,000." inputMode="decimal" className="input input--short" />
          <TextField meta={fields.minAmount} label="Smallest gift" hint="For an amount the donor types." inputMode="decimal" className="input input--short" />
          <TextField meta={fields.maxAmount} label="Largest gift" inputMode="decimal" className="input input--short" />
          <SubmitButton pending={navigation.state === "submitting"}>Save as a draft</SubmitButton>
        </Form>
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
