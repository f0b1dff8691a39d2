import { zodResolver } from '@hookform/resolvers/zod';
import type { Resolver } from 'react-hook-form';
import {
  customDomainInputSchema,
  customDomainUpdateSchema,
  type CustomDomainInput,
  type CustomDomainUpdate,
} from '../../../contract/custom-domain';
import { toSchemaInput, type CustomDomainFormValues } from './custom-domain-form-values';

export type CustomDomainPayload = CustomDomainInput | CustomDomainUpdate;
type DomainResolver = Resolver<CustomDomainFormValues, unknown, CustomDomainPayload>;

/**
 * The contract validates the panel: Add with customDomainInputSchema, Edit with customDomainUpdateSchema
 * (the name cannot change). The values are mapped to the schema's shape first; the field paths are
 * the same, so each message lands under its field. Edit sends the protocol only when it changed, so
 * an HTTPS domain keeps its certificate, which the console never sees.
 */
export function customDomainFormResolver(edited?: CustomDomainFormValues): DomainResolver {
  const schema = edited ? customDomainUpdateSchema : customDomainInputSchema;
  const validate = zodResolver(schema as typeof customDomainUpdateSchema) as unknown as Resolver<
    Record<string, unknown>,
    unknown,
    CustomDomainPayload
  >;
  return async (values, context, options) => {
    const { domainName, protocol, ...rest } = toSchemaInput(values);
    const input = edited
      ? { ...rest, ...(protocol === edited.protocol ? {} : { protocol }) }
      : { domainName, protocol, ...rest };
    return (await validate(input, context, options as never)) as Awaited<ReturnType<DomainResolver>>;
  };
}
