using Clients.Samples.Marketplace.Hosting;

return await MarketplaceApp.RunAsync(args).ConfigureAwait(false);
