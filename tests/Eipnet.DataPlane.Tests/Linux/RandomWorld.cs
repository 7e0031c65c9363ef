using Eipnet.Domain.Associations;
using Eipnet.Domain.Resources;
using Eipnet.Domain.SecurityGroups;

namespace Eipnet.DataPlane.Tests.Linux;

/// <summary>A random run of the changes the API makes, as change sets: ENIs created, attached, detached, moved and deleted,
/// instances run and deleted, security-group rules and ENI group lists changed, EIPs allocated, associated in all three
/// modes, unassociated and released. Each change keeps the API's rules (one mode per ENI, one NAT EIP per private IP,
/// unique private IPs per VPC and device indexes per instance), so the state is one the server can send.</summary>
internal sealed class RandomWorld(int seed)
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly string[] VpcIds = ["vpc-ra", "vpc-rb"];
    private readonly Random random = new(seed);
    private readonly SortedDictionary<string, Instance> instances = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, NetworkInterface> enis = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, Eip> eips = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, SecurityGroup> groups = new(StringComparer.Ordinal);
    private readonly List<VSwitch> vSwitches = [];
    private readonly Queue<string> freeEipAddresses = new();
    private readonly Dictionary<string, int> nextPrivate = new(StringComparer.Ordinal);
    private int counter;
    private long revision;

    // The change set being made.
    private readonly Dictionary<(DataPlane.ResourceKind, string), object?> pending = [];

    public DesiredChanges Start()
    {
        foreach (var vpc in VpcIds)
        {
            vSwitches.Add(new VSwitch("vsw-" + vpc[4..], "acc-1", "cn-r", vpc, "cn-r-a", vpc == "vpc-ra" ? "10.1.0.0/16" : "10.2.0.0/16", "", "", T0));
            nextPrivate[vpc] = 10;
            for (var g = 0; g < 3; g++)
                groups[$"sg-{vpc[4..]}{g}"] = new SecurityGroup($"sg-{vpc[4..]}{g}", "acc-1", "cn-r", vpc, "", "", "normal", T0, []);
        }
        for (var a = 2; a < 250; a++)
            freeEipAddresses.Enqueue($"198.51.100.{a}");
        foreach (var group in groups.Values.ToList())
            groups[group.SecurityGroupId] = group with { Rules = [Rule(group.VpcId), Rule(group.VpcId)] };
        for (var i = 0; i < 4; i++)
            RunInstance();
        for (var i = 0; i < 6; i++)
            CreateEni();
        for (var i = 0; i < 8; i++)
            AssociateNat();
        pending.Clear();
        return new DesiredChanges(++revision, true, eips.Values.ToList(), enis.Values.ToList(), instances.Values.ToList(), groups.Values.ToList(),
            vSwitches, VpcIds.Select(v => new Vpc(v, "acc-1", "cn-r", "10.0.0.0/8", "", "", T0)).ToList(), []);
    }

    /// <summary>The next change set: one change, or now and then two or three in one revision.</summary>
    public DesiredChanges Next()
    {
        pending.Clear();
        var count = random.Next(10) == 0 ? 1 + random.Next(3) : 1;
        for (var i = 0; i < count; i++)
            OneChange();
        var removed = pending.Where(p => p.Value is null).Select(p => new RemovedResource(p.Key.Item1, p.Key.Item2)).ToList();
        List<T> Of<T>() => pending.Values.OfType<T>().ToList();
        return new DesiredChanges(++revision, false, Of<Eip>(), Of<NetworkInterface>(), Of<Instance>(), Of<SecurityGroup>(), Of<VSwitch>(), [], removed);
    }

    private void OneChange()
    {
        switch (random.Next(24))
        {
            case 0: case 1: CreateEni(); break;
            case 2: case 3: Attach(); break;
            case 4: case 5: Detach(); break;
            case 6: case 7: Move(); break;
            case 8: DeleteEni(); break;
            case 9: RunInstance(); break;
            case 10: DeleteInstance(); break;
            case 11: ChangeRules(); break;
            case 12: ChangeEniGroups(); break;
            case 13: ChangePrivateIps(); break;
            case 14: case 15: AssociateNat(); break;
            case 16: Associate(AssociationMode.Binded); break;
            case 17: Associate(AssociationMode.MultiBinded); break;
            case 18: case 19: Settle(); break;
            case 20: Unassociate(); break;
            case 21: Release(); break;
            case 22: GroupCreateOrDelete(); break;
            default:
                if (random.Next(4) == 0)
                    AddVSwitch();
                else
                    Touch(Pick(instances.Values) is { } i ? i with { Status = i.Status == InstanceStatus.Running ? InstanceStatus.Stopped : InstanceStatus.Running } : null);
                break;
        }
    }

    private void CreateEni()
    {
        if (enis.Count > 24)
            return;
        var vpc = VpcIds[random.Next(VpcIds.Length)];
        Put(NewEni(vpc, EniType.Secondary, null, 0, 1 + random.Next(3)));
    }

    private NetworkInterface NewEni(string vpc, EniType type, string? instanceId, int deviceIndex, int ips)
    {
        var n = ++counter;
        var addresses = Enumerable.Range(0, ips).Select(_ => PrivateIp(vpc)).ToList();
        return new NetworkInterface($"eni-r{n:d6}", "acc-1", "cn-r", "cn-r-a", vpc, "vsw-" + vpc[4..], type,
            instanceId is null ? EniStatus.Available : EniStatus.InUse, instanceId, deviceIndex, $"02:00:00:01:{n / 256 % 256:x2}:{n % 256:x2}",
            addresses[0], addresses.Skip(1).ToList(), GroupsOf(vpc), "", "", false, T0, revision);
    }

    private void Attach()
    {
        if (Pick(enis.Values.Where(e => e.Type == EniType.Secondary && e.InstanceId is null)) is not { } eni
            || Pick(instances.Values.Where(i => i.VpcId == eni.VpcId)) is not { } instance)
            return;
        Put(eni with { InstanceId = instance.InstanceId, DeviceIndex = FreeIndex(instance.InstanceId), Status = random.Next(2) == 0 ? EniStatus.Attaching : EniStatus.InUse });
    }

    private void Detach()
    {
        if (Pick(enis.Values.Where(e => e.Type == EniType.Secondary && e.InstanceId is not null)) is not { } eni)
            return;
        Put(random.Next(3) == 0 ? eni with { Status = EniStatus.Detaching } : eni with { Status = EniStatus.Available, InstanceId = null, DeviceIndex = 0 });
    }

    private void Move()
    {
        if (Pick(enis.Values.Where(e => e.Type == EniType.Secondary && e.InstanceId is not null)) is not { } eni
            || Pick(instances.Values.Where(i => i.VpcId == eni.VpcId && i.InstanceId != eni.InstanceId)) is not { } to)
            return;
        Put(eni with { InstanceId = to.InstanceId, DeviceIndex = FreeIndex(to.InstanceId), Status = EniStatus.InUse });
    }

    private void DeleteEni()
    {
        if (Pick(enis.Values.Where(e => e.Type == EniType.Secondary && e.InstanceId is null)) is not { } eni)
            return;
        // The API refuses while EIPs are on it; now and then leave one behind, which then steers nowhere.
        if (random.Next(4) != 0)
            foreach (var eip in eips.Values.Where(e => e.Association?.NetworkInterfaceId == eni.NetworkInterfaceId).ToList())
                Put(eip with { Status = EipStatus.Available, Association = null });
        Remove(DataPlane.ResourceKind.Eni, eni.NetworkInterfaceId);
    }

    private void RunInstance()
    {
        if (instances.Count > 8)
            return;
        var vpc = VpcIds[random.Next(VpcIds.Length)];
        var id = $"i-r{++counter:d6}";
        var primary = NewEni(vpc, EniType.Primary, id, 0, 1 + random.Next(2));
        Put(new Instance(id, "acc-1", "cn-r", "cn-r-a", vpc, "vsw-" + vpc[4..], "ecs.g7.large", "img", id, id, "", InstanceStatus.Running,
            primary.NetworkInterfaceId, T0, T0, revision));
        Put(primary);
    }

    private void DeleteInstance()
    {
        if (Pick(instances.Values) is not { } instance)
            return;
        Remove(DataPlane.ResourceKind.Instance, instance.InstanceId);
        foreach (var eni in enis.Values.Where(e => e.InstanceId == instance.InstanceId).ToList())
        {
            if (eni.Type == EniType.Primary)
            {
                foreach (var eip in eips.Values.Where(e => e.Association?.NetworkInterfaceId == eni.NetworkInterfaceId).ToList())
                    Put(eip with { Status = EipStatus.Available, Association = null });
                Remove(DataPlane.ResourceKind.Eni, eni.NetworkInterfaceId);
            }
            else if (random.Next(4) != 0) // now and then the ENI still names the gone instance for a pass: it is parked
                Put(eni with { Status = EniStatus.Available, InstanceId = null, DeviceIndex = 0 });
        }
    }

    private void ChangeRules()
    {
        if (Pick(groups.Values) is not { } group)
            return;
        var rules = group.Rules.ToList();
        if (rules.Count > 0 && random.Next(2) == 0)
            rules.RemoveAt(random.Next(rules.Count));
        else
            rules.Add(Rule(group.VpcId));
        Put(group with { Rules = rules });
    }

    private void ChangeEniGroups()
    {
        if (Pick(enis.Values) is { } eni)
            Put(eni with { SecurityGroupIds = GroupsOf(eni.VpcId) });
    }

    private void ChangePrivateIps()
    {
        if (Pick(enis.Values) is not { } eni)
            return;
        var secondary = eni.SecondaryIpAddresses.ToList();
        var taken = eips.Values.Where(e => e.Association?.NetworkInterfaceId == eni.NetworkInterfaceId).Select(e => e.Association!.PrivateIpAddress).ToHashSet();
        var free = secondary.Where(ip => !taken.Contains(ip)).ToList();
        if (free.Count > 0 && random.Next(2) == 0)
            secondary.Remove(free[random.Next(free.Count)]);
        else if (secondary.Count < 4)
            secondary.Add(PrivateIp(eni.VpcId));
        Put(eni with { SecondaryIpAddresses = secondary });
    }

    private void AssociateNat()
    {
        var candidates = enis.Values.Where(e => OnEni(e).All(x => x.Association!.Mode == AssociationMode.Nat)
            && (e.Type == EniType.Secondary || !OnEni(e).Any())).ToList();
        if (Pick(candidates) is not { } eni)
            return;
        var taken = OnEni(eni).Select(e => e.Association!.PrivateIpAddress).ToHashSet();
        var free = eni.PrivateIpAddresses.Where(ip => !taken.Contains(ip)).ToList();
        if (free.Count == 0)
            return;
        Associate(eni, free[random.Next(free.Count)], AssociationMode.Nat);
    }

    private void Associate(AssociationMode mode)
    {
        var candidates = enis.Values.Where(e => e.Type == EniType.Secondary && (mode == AssociationMode.Binded
            ? !OnEni(e).Any()
            : OnEni(e).All(x => x.Association!.Mode == AssociationMode.MultiBinded) && OnEni(e).Count() < 4)).ToList();
        if (Pick(candidates) is { } eni)
            Associate(eni, eni.PrimaryIpAddress, mode);
    }

    private void Associate(NetworkInterface eni, string privateIp, AssociationMode mode)
    {
        var eip = Pick(eips.Values.Where(e => e.Status == EipStatus.Available)) is { } available && random.Next(3) != 0 ? available : Allocate();
        if (eip is null)
            return;
        Put(eip with
        {
            Status = random.Next(2) == 0 ? EipStatus.Associating : EipStatus.InUse,
            Association = new Association(eni.NetworkInterfaceId, Association.NetworkInterface, eni.NetworkInterfaceId, privateIp, mode),
        });
    }

    private Eip? Allocate()
    {
        if (!freeEipAddresses.TryDequeue(out var address))
            return null;
        var eip = new Eip($"eip-r{++counter:d6}", "acc-1", "cn-r", address, EipStatus.Available, 5, "PayByTraffic", "PostPaid", "BGP", "", "", T0, null, revision);
        Put(eip);
        return eip;
    }

    private void Settle()
    {
        if (Pick(eips.Values.Where(e => e.Status is EipStatus.Associating or EipStatus.Unassociating)) is not { } eip)
        {
            Allocate();
            return;
        }
        Put(eip.Status == EipStatus.Associating ? eip with { Status = EipStatus.InUse } : eip with { Status = EipStatus.Available, Association = null });
    }

    private void Unassociate()
    {
        if (Pick(eips.Values.Where(e => e.Status == EipStatus.InUse)) is { } eip)
            Put(random.Next(2) == 0 ? eip with { Status = EipStatus.Unassociating } : eip with { Status = EipStatus.Available, Association = null });
    }

    private void Release()
    {
        if (Pick(eips.Values.Where(e => e.Status == EipStatus.Available)) is not { } eip)
            return;
        Remove(DataPlane.ResourceKind.Eip, eip.AllocationId);
        freeEipAddresses.Enqueue(eip.IpAddress); // a later EIP may get the same address under another id
    }

    private void GroupCreateOrDelete()
    {
        var vpc = VpcIds[random.Next(VpcIds.Length)];
        if (random.Next(2) == 0 && Pick(groups.Values.Where(g => g.VpcId == vpc)) is { } group)
            Remove(DataPlane.ResourceKind.SecurityGroup, group.SecurityGroupId); // its ENIs keep naming it: its chains lose its rules
        else
            Put(new SecurityGroup($"sg-r{++counter:d6}", "acc-1", "cn-r", vpc, "", "", "normal", T0, [Rule(vpc)]));
    }

    private void AddVSwitch()
    {
        if (vSwitches.Count > 4)
            return;
        var vpc = VpcIds[random.Next(VpcIds.Length)];
        var vSwitch = new VSwitch($"vsw-r{++counter:d6}", "acc-1", "cn-r", vpc, "cn-r-a", $"10.{(vpc == "vpc-ra" ? 1 : 2)}.{200 + vSwitches.Count}.0/24", "", "", T0);
        vSwitches.Add(vSwitch);
        pending[(DataPlane.ResourceKind.VSwitch, vSwitch.VSwitchId)] = vSwitch;
    }

    private SecurityGroupRule Rule(string vpc)
    {
        var protocol = RuleValues.Protocols[random.Next(RuleValues.Protocols.Count)];
        var port = random.Next(1, 2000);
        var peerGroup = random.Next(3) == 0 ? Pick(groups.Values.Where(g => g.VpcId == vpc))?.SecurityGroupId ?? "" : "";
        return new SecurityGroupRule($"sgr-r{++counter:d6}", random.Next(2) == 0 ? "ingress" : "egress", protocol,
            protocol is "TCP" or "UDP" ? $"{port}/{port + random.Next(3)}" : RuleValues.NoPorts,
            peerGroup == "" ? (random.Next(2) == 0 ? "0.0.0.0/0" : $"10.{random.Next(3)}.0.0/16") : "", peerGroup,
            random.Next(3) == 0 ? RuleValues.Drop : RuleValues.Accept, random.Next(1, 5), "", T0);
    }

    private List<string> GroupsOf(string vpc)
    {
        var inVpc = groups.Values.Where(g => g.VpcId == vpc).Select(g => g.SecurityGroupId).ToList();
        return inVpc.Count == 0 ? [] : Enumerable.Range(0, 1 + random.Next(3)).Select(_ => inVpc[random.Next(inVpc.Count)]).ToList();
    }

    private string PrivateIp(string vpc)
    {
        var n = nextPrivate[vpc]++;
        return $"10.{(vpc == "vpc-ra" ? 1 : 2)}.{n / 250}.{n % 250 + 2}";
    }

    private int FreeIndex(string instanceId)
    {
        var used = enis.Values.Where(e => e.InstanceId == instanceId).Select(e => e.DeviceIndex).ToHashSet();
        return Enumerable.Range(1, 100).First(i => !used.Contains(i));
    }

    private IEnumerable<Eip> OnEni(NetworkInterface eni) =>
        eips.Values.Where(e => e.Association?.NetworkInterfaceId == eni.NetworkInterfaceId && e.Status is EipStatus.Associating or EipStatus.InUse or EipStatus.Unassociating);

    private T? Pick<T>(IEnumerable<T> items) where T : class
    {
        var list = items.ToList();
        return list.Count == 0 ? null : list[random.Next(list.Count)];
    }

    private void Touch(Instance? instance)
    {
        if (instance is not null)
            Put(instance);
    }

    private void Put(object record)
    {
        switch (record)
        {
            case Eip e: eips[e.AllocationId] = e; pending[(DataPlane.ResourceKind.Eip, e.AllocationId)] = e; break;
            case NetworkInterface n: enis[n.NetworkInterfaceId] = n; pending[(DataPlane.ResourceKind.Eni, n.NetworkInterfaceId)] = n; break;
            case Instance i: instances[i.InstanceId] = i; pending[(DataPlane.ResourceKind.Instance, i.InstanceId)] = i; break;
            case SecurityGroup g: groups[g.SecurityGroupId] = g; pending[(DataPlane.ResourceKind.SecurityGroup, g.SecurityGroupId)] = g; break;
            default: throw new ArgumentException(record.ToString());
        }
    }

    private void Remove(DataPlane.ResourceKind kind, string id)
    {
        _ = kind switch
        {
            DataPlane.ResourceKind.Eip => eips.Remove(id),
            DataPlane.ResourceKind.Eni => enis.Remove(id),
            DataPlane.ResourceKind.Instance => instances.Remove(id),
            DataPlane.ResourceKind.SecurityGroup => groups.Remove(id),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        pending[(kind, id)] = null;
    }
}
